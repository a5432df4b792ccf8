using System.Text;

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
    /// Opens the answers of an interrupted run to go on from where it stopped: keeps every complete
    /// line, drops a last line cut short, and appends after them.
    /// </summary>
    /// <param name="path">The output file; a missing one is created.</param>
    /// <param name="completeLines">How many complete answer lines the file already holds.</param>
    /// <exception cref="CommandFailure">The file cannot be opened: exit 2, naming it.</exception>
    public static StreamWriter OpenToResume(string path, out int completeLines)
    {
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
            var (lines, end) = CompleteLines(stream);
            stream.SetLength(end);
            stream.Seek(end, SeekOrigin.Begin);
            completeLines = lines;
            return new StreamWriter(stream, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CannotWrite(path, ex);
        }
    }

    /// <summary>Counts the lines that end in a newline and where the last of them ends.</summary>
    private static (int Lines, long End) CompleteLines(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var lines = 0;
        long end = 0, position = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    lines++;
                    end = position + i + 1;
                }
            }

            position += read;
        }

        return (lines, end);
    }

    public static CommandFailure CannotWrite(string? path, Exception reason) =>
        new(ExitCodes.Invalid, $"sciatica-advisor: cannot write {(IsStandardOutput(path) ? "standard output" : $"'{path}'")}: {reason.Message}");

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
