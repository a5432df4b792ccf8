namespace SciaticaAdvisor.Cli;

/// <summary>Ends a command with an exit code and the lines to print on standard error, never a stack trace.</summary>
internal sealed class CommandFailure : Exception
{
    public CommandFailure(int exitCode, params IReadOnlyList<string> lines)
        : base(lines.Count > 0 ? lines[0] : "the command failed")
    {
        ExitCode = exitCode;
        Lines = lines;
    }

    public int ExitCode { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <summary>A file the user named cannot be read: exit 2, naming the file and why.</summary>
    public static CommandFailure Unreadable(string path, Exception reason) => new(ExitCodes.Invalid, reason switch
    {
        FileNotFoundException or DirectoryNotFoundException => $"sciatica-advisor: cannot read '{path}': the file does not exist",
        UnauthorizedAccessException => $"sciatica-advisor: cannot read '{path}': permission denied",
        _ => $"sciatica-advisor: cannot read '{path}': {reason.Message}",
    });
}
