using System.Text.Json;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>diff</c> through the real engine: the clean rules against the same rules with one more rule layered on.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>Lines 2 and 4 have a fever, which only the extra rule refers.</summary>
    private string Population() => _files.Write("population.jsonl", string.Join('\n',
        ProfileJson.Minimal().Build(),
        ProfileJson.Minimal().WithSet("redFlags", "fever").Build(),
        ProfileJson.ContractExample().Build(),
        ProfileJson.ContractExample().WithSet("redFlags", "fever").Build()) + "\n");

    [Fact]
    public async Task Diff_RuleSetsThatDifferByOneRule_ReportEachChangeWithExampleLinesAndExitThree()
    {
        var result = await Tool.RunAsync(
            "diff", "--rules", TestRules.Clean, "--against", TestRules.Clean, "--against", TestRules.FeverLayer, "--input", Population());

        result.ExitCode.Should().Be(3, result.Stderr);
        result.StdoutLines.Should().Equal(
            "4 profiles compared, 0 invalid lines: 2 advices change, 2 the same",
            "status:",
            "  clearanceNeeded -> referral: 1 (line 2)",
            "  recommended -> referral: 1 (line 4)",
            "top style:",
            "  relaxation -> none: 2 (lines 2, 4)",
            "phase:",
            "  corrective -> none: 2 (lines 2, 4)",
            "referral urgency:",
            "  none -> urgent: 2 (lines 2, 4)");
    }

    [Fact]
    public async Task Diff_Json_GivesTheSameCountsForMachines()
    {
        var result = await Tool.RunAsync(
            "diff", "--rules", TestRules.Clean, "--against", TestRules.Clean, "--against", TestRules.FeverLayer, "--input", Population(), "--format", "json");

        result.ExitCode.Should().Be(3);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        root.GetProperty("profiles").GetInt32().Should().Be(4);
        root.GetProperty("changed").GetInt32().Should().Be(2);
        var urgency = root.GetProperty("referralUrgency").EnumerateArray().Single();
        urgency.GetProperty("from").GetString().Should().Be("none");
        urgency.GetProperty("to").GetString().Should().Be("urgent");
        urgency.GetProperty("examples").EnumerateArray().Select(e => e.GetInt32()).Should().Equal(2, 4);
        root.GetProperty("contraindicationsAdded").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Diff_ContraindicationChanges_AreCountedAsStyleAndLevel()
    {
        // The explain rules avoid deep tissue in an acute flare and caution shiatsu for high sensitivity; the clean rules do neither.
        var input = _files.Write("flare.jsonl", ProfileJson.Minimal().With("flare", "acute").With("painSensitivity", "high").Build() + "\n");

        var result = await Tool.RunAsync("diff", "--rules", TestRules.Clean, "--against", TestRules.Explain, "--input", input);

        result.ExitCode.Should().Be(3, result.Stderr);
        result.StdoutLines.Should().ContainInOrder("contraindications added:", "  deepTissue:avoid: 1 (line 1)", "  shiatsu:caution: 1 (line 1)");
    }

    [Fact]
    public async Task Diff_SameRules_OnASampledPopulation_IsIdenticalAndExitsZero()
    {
        var population = _files.PathOf("sampled.csv");
        await Tool.RunAsync("sample", "--count", "300", "--seed", "11", "--format", "csv", "--output", population);

        var result = await Tool.RunAsync("diff", "--rules", TestRules.Clean, "--against", TestRules.Clean, "--input", population);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.StdoutLines.Should().Equal("300 profiles compared, 0 invalid lines: 0 advices change, 300 the same");
    }

    [Fact]
    public async Task Diff_InvalidLines_AreReportedOnStandardErrorAndExitTwo()
    {
        var input = _files.Write("bad.jsonl", ProfileJson.Minimal().Build() + "\n" + ProfileJson.Minimal().With("flare", "acut").Build() + "\n");

        var result = await Tool.RunAsync("diff", "--rules", TestRules.Clean, "--against", TestRules.Clean, "--input", input);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal("line 2: The profile is not valid: $.flare: unknown value; expected one of none, subsiding, acute.");
        result.Stderr.Should().NotContain("acut'", "a profile's values are health data: the error names the path, not what it held");
        result.StdoutLines[0].Should().Be("1 profiles compared, 1 invalid lines (line 2): 0 advices change, 1 the same");
    }

    [Fact]
    public async Task Diff_StandardInput_IsReadWithDash()
    {
        var result = await Tool.RunAsync(
            ["diff", "--rules", TestRules.Clean, "--against", TestRules.Clean, "--input", "-"], ProfileJson.Minimal().Build() + "\n");

        result.ExitCode.Should().Be(0, result.Stderr);
    }

    [Theory]
    [InlineData("diff", "--input", "population.jsonl")]
    [InlineData("diff", "--against", "@default")]
    public async Task Diff_MissingAgainstOrInput_IsUsageErrorExitTwo(params string[] args)
    {
        var result = await Tool.RunStubbedAsync(args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Diff_RuleSetFault_ExitsOneNamingTheLineAndTheSide()
    {
        // The gentle rules never cap pressure: reflexology's moderate pressure in an acute flare breaks an invariant.
        var input = _files.Write("fault.jsonl", ProfileJson.Minimal().Build() + "\n" + ProfileJson.Minimal().With("flare", "acute").WithSet("symptoms", "worseWhenSitting").Build() + "\n");

        var result = await Tool.RunAsync("diff", "--rules", TestRules.Clean, "--against", TestRules.Gentle, "--input", input);

        result.ExitCode.Should().Be(1);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("sciatica-advisor: fault on line 2 with the --against rules: ");
    }

    [Fact]
    public async Task Diff_AgainstRulesThatDoNotLoad_ExitsTwo()
    {
        var result = await Tool.RunAsync("diff", "--rules", TestRules.Clean, "--against", TestRules.Broken, "--input", Population());

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{TestRules.Broken}:8:7: ");
    }
}
