namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>What one in-process run of the tool did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
