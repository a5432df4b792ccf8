using System.Text;
using SciaticaAdvisor.Files;

namespace SciaticaAdvisor.Cli.Output;

/// <summary>The <c>--output FILE</c> of the commands that write many lines: a file, or standard output for none or <c>-</c>.</summary>
internal static class OutputFile
{
    public static bool IsStandardOutput(string? path) => path is null or "-";

    /// <summary>Opens (and truncates) the file as UTF-8 without a byte-order mark, LF line ends.</summary>
    /// <exception cref="CommandFailure">The file cannot be created: exit 2, naming it.</exception>
    public static StreamWriter Open(string path)
    {
        try
        {
            return new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, ex);
        }
    }

    /// <summary>
    /// Refuses an output that is one of the files the command reads, by any name: opening it would
    /// truncate it before it is read. Files are compared by identity (device and inode, after
    /// following links), not by the spelling of their paths.
    /// </summary>
    /// <param name="path">The output file.</param>
    /// <param name="reads">The files the command reads, with what each is for the message: ("--input", path).</param>
    /// <exception cref="CommandFailure">The output is one of them: exit 2, naming both.</exception>
    public static void RefuseAliases(string path, IEnumerable<(string Option, string Path)> reads)
    {
        foreach (var (option, read) in reads)
        {
            if (FileIdentity.AreSame(path, read))
            {
                throw new CommandFailure(
                    ExitCodes.Invalid,
                    $"sciatica-advisor: --output '{Quote.Escape(path)}' is the file {option} '{Quote.Escape(read)}' "
                    + "(the same file under another name or through a link); writing it would destroy what is read. Write the output elsewhere");
            }
        }
    }

    /// <summary>Opens the output of an interrupted run to go on from it: keeps its first <paramref name="keepBytes"/> bytes and appends after them.</summary>
    /// <param name="path">The output file; a missing one is created.</param>
    /// <param name="keepBytes">How much of it the run's record vouches for (<see cref="Batch.RunRecord"/>); the rest is dropped.</param>
    /// <exception cref="CommandFailure">The file cannot be opened: exit 2, naming it.</exception>
    public static StreamWriter OpenToResume(string path, long keepBytes)
    {
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
            stream.SetLength(keepBytes);
            stream.Seek(keepBytes, SeekOrigin.Begin);
            return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, ex);
        }
    }

    public static CommandFailure CannotWrite(string? path, Exception reason) =>
        new(ExitCodes.Invalid, $"sciatica-advisor: cannot write {(IsStandardOutput(path) ? "standard output" : $"'{Quote.Escape(path!)}'")}: {reason.Message}");

    /// <summary>
    /// Writes UTF-8 text: straight to the stream under a UTF-8 writer without a byte-order mark (the
    /// tool's files and standard output), after what the writer holds; decoded for any other writer.
    /// </summary>
    public static async ValueTask WriteUtf8Async(TextWriter writer, ReadOnlyMemory<byte> utf8)
    {
        if (writer is StreamWriter { Encoding: UTF8Encoding encoding } stream && encoding.Preamble.IsEmpty)
        {
            await stream.FlushAsync(CancellationToken.None);
            await stream.BaseStream.WriteAsync(utf8, CancellationToken.None);
        }
        else
        {
            await writer.WriteAsync(Encoding.UTF8.GetString(utf8.Span));
        }
    }

    /// <summary>Closes the file; a failure to flush it has already been reported, or will be.</summary>
    public static async Task CloseQuietlyAsync(TextWriter writer)
    {
        try
        {
            await writer.DisposeAsync();
        }
        catch (IOException)
        {
        }
    }
}
