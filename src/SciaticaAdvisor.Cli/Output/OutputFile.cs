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

    public static CommandFailure CannotWrite(string? path, Exception reason) =>
        new(ExitCodes.Invalid, $"sciatica-advisor: cannot write {(IsStandardOutput(path) ? "standard output" : $"'{path}'")}: {reason.Message}");

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
