namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>What one in-process run of the tool did.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    // Split once per text, not on every access: tests index the lines in loops over thousands of them.
    private (string Text, string[] Lines)? _stdoutLines;
    private (string Text, string[] Lines)? _stderrLines;

    public IReadOnlyList<string> StdoutLines => LinesOf(Stdout, ref _stdoutLines);

    public IReadOnlyList<string> StderrLines => LinesOf(Stderr, ref _stderrLines);

    private static string[] LinesOf(string text, ref (string Text, string[] Lines)? split)
    {
        if (split is not { } known || !ReferenceEquals(known.Text, text))
        {
            known = (text, text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n'));
            split = known;
        }

        return known.Lines;
    }
}
