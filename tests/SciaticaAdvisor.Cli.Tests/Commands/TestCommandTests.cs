using SciaticaAdvisor.Cli.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>test</c>: PASS or FAIL per scenario, failures indented, a summary line, exit 2 on any failure or unloadable file.</summary>
public sealed class TestCommandTests : IDisposable
{
    private const string Passing = """
        scenarios:
          - name: Relaxation comes first
            guidance: [G8]
            profile: { cause: herniatedDisc, flare: none, painSensitivity: low, painIntensity: 4 }
            expect:
              topStyle: relaxation
        """;

    private const string Failing = """
        scenarios:
          - name: A plain profile is referred
            guidance: [G8]
            profile: { cause: herniatedDisc, flare: none, painSensitivity: low, painIntensity: 4 }
            expect:
              status: referral
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Test_NoPath_RunsTheBuiltInScenariosAndTheyAllPassOnTheDefaultRules()
    {
        var result = await Tool.RunAsync("test");

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.StdoutLines[^1].Should().MatchRegex(@"^[1-9]\d* passed, 0 failed$");
        result.StdoutLines.SkipLast(1).Should().OnlyContain(line => line.StartsWith("PASS ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Test_PassingFile_PrintsPassAndExitsZero()
    {
        var result = await Tool.RunAsync("test", _files.Write("pass.yaml", Passing), "--rules", TestRules.Clean);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.StdoutLines.Should().Equal("PASS pass.yaml: Relaxation comes first", "1 passed, 0 failed");
    }

    [Fact]
    public async Task Test_FailingScenario_PrintsFailWithTheMessageIndentedAndExitsTwo()
    {
        var result = await Tool.RunAsync("test", _files.Write("fail.yaml", Failing), "--rules", TestRules.Clean);

        result.ExitCode.Should().Be(2);
        result.StdoutLines.Should().HaveCount(3);
        result.StdoutLines[0].Should().Be("FAIL fail.yaml: A plain profile is referred");
        result.StdoutLines[1].Should().StartWith("  status: ");
        result.StdoutLines[2].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public async Task Test_Folder_RunsEveryYamlFileInNameOrder()
    {
        _files.Write("b.yaml", Failing);
        _files.Write("a.yaml", Passing);
        _files.Write("notes.txt", "not a scenario file");

        var result = await Tool.RunAsync("test", _files.PathOf(""), "--rules", TestRules.Clean);

        result.ExitCode.Should().Be(2);
        result.StdoutLines.Where(l => !l.StartsWith(' ')).Should().Equal(
            "PASS a.yaml: Relaxation comes first", "FAIL b.yaml: A plain profile is referred", "1 passed, 1 failed");
    }

    [Fact]
    public async Task Test_FileThatDoesNotLoad_ReportsItsErrorRunsTheRestAndExitsTwo()
    {
        var broken = _files.Write("broken.yaml", "scenarios:\n  - name: x\n    profil: {}\n");
        var passing = _files.Write("pass.yaml", Passing);

        var result = await Tool.RunAsync("test", broken, passing, "--rules", TestRules.Clean);

        result.ExitCode.Should().Be(2);
        result.StdoutLines.Should().Equal("PASS pass.yaml: Relaxation comes first", "1 passed, 0 failed");
        result.StderrLines[0].Should().StartWith($"{broken}:");
        result.StderrLines[^1].Should().Be("sciatica-advisor: 1 scenario file did not load");
    }

    [Fact]
    public async Task Test_BuiltInScenariosAgainstOtherRules_Fail()
    {
        var result = await Tool.RunAsync("test", "--rules", TestRules.Clean);

        result.ExitCode.Should().Be(2);
        result.StdoutLines[^1].Should().MatchRegex(@"^\d+ passed, [1-9]\d* failed$");
    }

    [Fact]
    public async Task Test_MissingPath_ExitsTwoNamingIt()
    {
        var result = await Tool.RunAsync("test", "no-such-scenarios.yaml");

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal("sciatica-advisor: cannot read 'no-such-scenarios.yaml': no such file or folder");
    }

    [Fact]
    public async Task Test_RulesThatDoNotLoad_ExitTwo()
    {
        var result = await Tool.RunAsync("test", "--rules", TestRules.Broken);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{TestRules.Broken}:8:7: ");
    }
}
