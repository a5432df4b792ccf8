using SciaticaAdvisor.Cli.Advising;

namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>Runs the tool in-process with captured streams.</summary>
internal static class Tool
{
    /// <summary>Runs with the real rule engine behind it.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: string.Empty);

    public static async Task<CliResult> RunAsync(string[] args, string stdin, IAdvisorLoader? advisors = null, int chunkLines = 64, bool errorIsTerminal = false)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin);
        var context = new CliContext(input, stdout, stderr) { BatchChunkLines = chunkLines, ErrorIsTerminal = errorIsTerminal };
        if (advisors is not null)
        {
            context = context with { Advisors = advisors };
        }

        var exitCode = await CliApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <see cref="StubAdvisor"/> standing in for the rule engine.</summary>
    public static Task<CliResult> RunStubbedAsync(params string[] args) => RunAsync(args, string.Empty, new StubAdvisorLoader());
}
