using System.Collections.Immutable;
using System.Text;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary>The tool's own side of <c>advise</c>, with a stand-in for the rule engine.</summary>
public sealed class AdviseCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Advise_ValidFile_WritesOneCompactLineAndExitsZero()
    {
        var path = _files.Write("p.json", ProfileJson.ContractExample().BuildIndented());

        var result = await Tool.RunStubbedAsync("advise", path);

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
        result.Stdout.Should().EndWith("\n");
        result.StdoutLines.Should().ContainSingle().Which.Should().StartWith("{\"status\":\"recommended\",");
    }

    [Fact]
    public async Task Advise_ValidFile_WritesTheLibrarysSerialization()
    {
        var path = _files.Write("p.json", ProfileJson.ContractExample().Build());

        var result = await Tool.RunStubbedAsync("advise", path);

        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines[0]);
        result.StdoutLines[0].Should().Be(AdvisorJson.Serialize(advice));
    }

    [Fact]
    public async Task Advise_Pretty_IndentsTheAdvice()
    {
        var path = _files.Write("p.json", ProfileJson.ContractExample().Build());

        var result = await Tool.RunStubbedAsync("advise", path, "--pretty");

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Count.Should().BeGreaterThan(10);
        result.StdoutLines[1].Should().StartWith("  \"status\": ");
    }

    [Theory]
    [InlineData]
    [InlineData("-")]
    public async Task Advise_NoFileOrDash_ReadsStandardInput(params string[] file)
    {
        var result = await Tool.RunAsync(["advise", .. file], ProfileJson.Minimal().Build(), new StubAdvisorLoader());

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().ContainSingle().Which.Should().Contain("\"status\":\"clearanceNeeded\"");
    }

    [Fact]
    public async Task Advise_StandardInputWithByteOrderMark_IsRead()
    {
        var result = await Tool.RunAsync(["advise"], "\uFEFF" + ProfileJson.Minimal().Build(), new StubAdvisorLoader());

        result.ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Advise_FileWithByteOrderMarkAndCrlf_IsRead()
    {
        var text = ProfileJson.ContractExample().BuildIndented().Replace("\n", "\r\n", StringComparison.Ordinal);
        var path = _files.WriteBytes("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = await Tool.RunStubbedAsync("advise", path);

        result.ExitCode.Should().Be(0);
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Advise_InvalidProfile_ExitsTwoWithPathMessageLinesOnStandardError()
    {
        var path = _files.Write("bad.json", ProfileJson.Minimal().With("flare", "acut").With("painIntensity", 11).Build());

        var result = await Tool.RunStubbedAsync("advise", path);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(
            "$.flare: unknown value 'acut'; expected one of none, subsiding, acute",
            "$.painIntensity: must be between 0 and 10, was 11");
    }

    [Fact]
    public async Task Advise_SyntaxError_ReportsRootWithLineAndColumn()
    {
        var result = await Tool.RunAsync(["advise"], "{\n  \"cause\": unknown\n}", new StubAdvisorLoader());

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("$: invalid JSON at line 2, column ");
    }

    [Fact]
    public async Task Advise_InvalidProfileAndRulesThatDoNotLoad_ReportsOnlyTheProfile()
    {
        // The rules load while the profile is read; the profile's errors still come first and alone.
        var failure = new RuleSetException(ImmutableArray.Create(new RuleSetError("clinic.yaml", 3, 5, "unknown action 'massage'")));

        var result = await Tool.RunAsync(["advise", "--rules", "clinic.yaml"], "[]", new StubAdvisorLoader(loadFailure: failure));

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("$: ");
    }

    [Fact]
    public async Task Advise_InvalidProfile_ReturnsOnlyOnceTheRuleLoadHasEnded()
    {
        var loader = new SlowLoader();

        var result = await Tool.RunAsync(["advise"], "[]", loader);

        result.ExitCode.Should().Be(2);
        loader.Ended.Should().BeTrue("nothing of the command may run on after it returns");
    }

    [Fact]
    public async Task Advise_MissingFile_ExitsTwoNamingTheFile()
    {
        var path = _files.PathOf("absent.json");

        var result = await Tool.RunStubbedAsync("advise", path);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal($"sciatica-advisor: cannot read '{path}': the file does not exist");
    }

    [Fact]
    public async Task Advise_Directory_ExitsTwo()
    {
        var result = await Tool.RunStubbedAsync("advise", Path.GetTempPath());

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("is a directory");
    }

    [Fact]
    public async Task Advise_DocumentOverOneMiB_ExitsTwoWithoutParsing()
    {
        var path = _files.Write("huge.json", "{\"cause\": \"" + new string('x', 1024 * 1024) + "\"}");

        var result = await Tool.RunStubbedAsync("advise", path);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal("$: the document is longer than 1048576 bytes (1 MiB)");
    }

    [Fact]
    public async Task Advise_RulesOption_PassesLayersInOrder()
    {
        var loader = new StubAdvisorLoader();

        await Tool.RunAsync(["advise", "--rules", "@default", "--rules", "clinic.yaml"], ProfileJson.Minimal().Build(), loader);

        loader.Loads.Should().ContainSingle().Which.Should().Equal("@default", "clinic.yaml");
    }

    [Fact]
    public async Task Advise_RulesOptionBeforeTheCommand_IsAccepted()
    {
        var loader = new StubAdvisorLoader();

        var result = await Tool.RunAsync(["--rules", "clinic.yaml", "advise"], ProfileJson.Minimal().Build(), loader);

        result.ExitCode.Should().Be(0);
        loader.Loads.Should().ContainSingle().Which.Should().Equal("clinic.yaml");
    }

    [Fact]
    public async Task Advise_NoRulesOption_AsksForTheDefault()
    {
        var loader = new StubAdvisorLoader();

        await Tool.RunAsync(["advise"], ProfileJson.Minimal().Build(), loader);

        loader.Loads.Should().ContainSingle().Which.Should().BeEmpty();
    }

    [Fact]
    public async Task Advise_RulesThatDoNotLoad_ExitTwoWithSourceLineColumnMessage()
    {
        var failure = new RuleSetException(ImmutableArray.Create(
            new RuleSetError("clinic.yaml", 12, 7, "unknown field 'flair'; expected one of cause, flare"),
            new RuleSetError("clinic.yaml", 30, 3, "duplicate rule id 'a'")));

        var result = await Tool.RunAsync(["advise", "--rules", "clinic.yaml"], ProfileJson.Minimal().Build(), new StubAdvisorLoader(loadFailure: failure));

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(
            "clinic.yaml:12:7: unknown field 'flair'; expected one of cause, flare",
            "clinic.yaml:30:3: duplicate rule id 'a'");
    }

    [Fact]
    public async Task Advise_RuleSetFault_ExitsOneWithoutStackTrace()
    {
        var advisor = new StubAdvisor(_ => new RuleSetFaultException("broken 1.0.0", "styles is empty but status is recommended"));

        var result = await Tool.RunAsync(["advise"], ProfileJson.Minimal().Build(), new StubAdvisorLoader(advisor));

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(
            "sciatica-advisor: fault: Rule set 'broken 1.0.0' is at fault: styles is empty but status is recommended");
    }

    [Fact]
    public async Task Advise_UnexpectedException_ExitsOneWithoutStackTrace()
    {
        var advisor = new StubAdvisor(_ => new InvalidOperationException("boom"));

        var result = await Tool.RunAsync(["advise"], ProfileJson.Minimal().Build(), new StubAdvisorLoader(advisor));

        result.ExitCode.Should().Be(1);
        result.StderrLines.Should().Equal("sciatica-advisor: internal error (InvalidOperationException): boom");
    }

    [Fact]
    public async Task Advise_TwoFiles_IsUsageError()
    {
        var result = await Tool.RunStubbedAsync("advise", "a.json", "b.json");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines[^1].Should().Be("Run 'sciatica-advisor --help' for usage.");
    }

    private sealed class SlowLoader : IAdvisorLoader
    {
        private int _ended;

        public bool Ended => Volatile.Read(ref _ended) == 1;

        public IProfileAdvisor Load(IReadOnlyList<string> layers, bool single = false)
        {
            Thread.Sleep(200);
            Volatile.Write(ref _ended, 1);
            return new StubAdvisor();
        }
    }
}
