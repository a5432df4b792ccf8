using SciaticaAdvisor.Cli.Commands;
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

        // Plain command lines, which run without System.CommandLine (AdviseCommand.TryReadPlain) ...
        ["advise"],
        ["advise", "--pretty"],
        ["advise", "-", "--pretty"],
        ["advise", Repository.PathOf("samples/profiles/piriformis.json")],
        ["advise", "--pretty", Repository.PathOf("samples/profiles/red-flags.json")],
        ["advise", Repository.PathOf("samples/profiles/invalid.json"), "--pretty"],
        ["advise", "missing.json", "--pretty"],
        ["advise", "/no/such/dir/profile.json"],
        ["advise", "batch.json"],

        // ... and look-alikes the parser reads otherwise, which must still go through it.
        ["advise", "--pretty", "true"],
        ["advise", "--pretty", "False"],
        ["advise", "true"],
        ["advise", "/h"],
        ["advise", "/?"],
        ["advise", "/help"],
        ["advise", "advise"],
        ["advise", ""],
        ["advise", " "],
        ["advise", "--"],
        ["advise", "--", Repository.PathOf("samples/profiles/piriformis.json")],
        ["advise", "@profile.json"],
        ["advise", "[diagram]"],
        ["advise", "-x"],
        ["advise", "--pretty", "--pretty"],
        ["advise", Repository.PathOf("samples/profiles/piriformis.json"), "--pretty", "--pretty"],
        ["advise", "--pretty", Repository.PathOf("samples/profiles/piriformis.json"), "extra.json"],
        ["advise", "--rules", "@default", Repository.PathOf("samples/profiles/piriformis.json")],
    ];

    public static TheoryData<string[], string?, bool> PlainCommandLines => new()
    {
        { ["advise"], null, false },
        { ["advise", "--pretty"], null, true },
        { ["advise", "-"], "-", false },
        { ["advise", "p.json"], "p.json", false },
        { ["advise", "/abs/p.json", "--pretty"], "/abs/p.json", true },
        { ["advise", "--pretty", "p.json"], "p.json", true },
    };

    [Theory]
    [MemberData(nameof(PlainCommandLines))]
    public void PlainCommandLines_AreReadWithoutTheParser(string[] args, string? file, bool pretty)
    {
        AdviseCommand.TryReadPlain(args, out var readFile, out var readPretty).Should().BeTrue();

        readFile.Should().Be(file);
        readPretty.Should().Be(pretty);
    }

    [Theory]
    [InlineData("advise", "--pretty", "true")]
    [InlineData("advise", "/?")]
    [InlineData("advise", "--", "p.json")]
    [InlineData("advise", "--rules", "@default", "p.json")]
    [InlineData("advise", "p.json", "q.json")]
    [InlineData("advise", "--help")]
    public void OtherCommandLines_GoToTheParser(params string[] args) =>
        AdviseCommand.TryReadPlain(args, out _, out _).Should().BeFalse();

    [Fact]
    public async Task PlainAdvise_InTheRealProcess_LoadsNoParser_InterpretsDynamicCode_AndWritesTheSameAdvice()
    {
        var profile = Repository.PathOf("samples/profiles/piriformis.json");
        var inProcess = await Tool.RunAsync("advise", profile);
        var real = await Tool.RunBuiltAsync(["advise", profile], new Dictionary<string, string> { ["SCIATICA_ADVISOR_TRACE_STARTUP"] = "1" });

        real.ExitCode.Should().Be(0, real.Stderr);
        real.Stdout.Should().Be(inProcess.Stdout);
        var loaded = real.StderrLines.Single(l => l.Contains(" assemblies loaded: ", StringComparison.Ordinal));
        loaded.Should().Contain("SciaticaAdvisor").And.NotContain("System.CommandLine");
        real.Stderr.Should().Contain("startup: dynamic code interpreted", "advise turns dynamic code off before anything reads the switch");
    }

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
