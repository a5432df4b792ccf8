using SciaticaAdvisor.Cli.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary>
/// A command line that starts with <c>advise</c> is built with the root's other commands left out,
/// for a quicker start: it must parse, fail, help and advise exactly as the whole command line does.
/// </summary>
public sealed class AdviseStartupTests
{
    public static TheoryData<string[]> CommandLines =>
    [
        ["advise", "--help"],
        ["advise", "-h"],
        ["advise", "-?"],
        ["advise", "one.json", "two.json"],
        ["advise", "--bogus"],
        ["advise", "--rules"],
        ["advise", "--rules", " "],
        ["advise", "--version"],
        ["advise", "batch"],
        ["advise", "missing.json"],
        ["advise", Repository.PathOf("samples/profiles/piriformis.json"), "--pretty"],
        ["advise", Repository.PathOf("samples/profiles/invalid.json")],
        ["advise", "--rules", "@default", "--rules", "missing.yaml", Repository.PathOf("samples/profiles/piriformis.json")],
        ["advise", "-"],
    ];

    [Theory]
    [MemberData(nameof(CommandLines))]
    public async Task Advise_CommandLineOfAdviseAlone_BehavesAsTheWholeCommandLine(string[] args)
    {
        var whole = await RunAsync(args, adviseOnly: false);
        var alone = await RunAsync(args, adviseOnly: true);

        alone.Should().Be(whole);
    }

    [Fact]
    public async Task Advise_Help_StillListsTheAdviseExamples()
    {
        var result = await Tool.RunStubbedAsync("advise", "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("Examples:").And.Contain("sciatica-advisor advise samples/profiles/piriformis.json --pretty");
    }

    private static async Task<CliResult> RunAsync(string[] args, bool adviseOnly)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = new StringReader("{\"cause\": \"piriformisSyndrome\"}");
        var context = new CliContext(input, stdout, stderr);
        var exitCode = await CliApp.RunAsync(args, context, adviseOnly, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
