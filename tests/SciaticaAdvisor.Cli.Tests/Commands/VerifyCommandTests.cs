using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>verify</c>: the report line, each violation with its smallest profile, exit 2 on any.</summary>
public sealed class VerifyCommandTests
{
    [Fact]
    public async Task Verify_CleanRuleSet_PrintsTheReportAndExitsZero()
    {
        var result = await Tool.RunAsync("verify", "--rules", TestRules.Clean, "--budget", "50000");

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        result.StdoutLines.Should().ContainSingle().Which.Should()
            .MatchRegex(@"^\d+ profiles checked \(\d+ scalar classes x \d+ set combinations, up to \d+ set values at once\): 0 violations$");
    }

    [Fact]
    public async Task Verify_Violations_PrintEachWithItsProfileAndCountAndExitTwo()
    {
        var result = await Tool.RunAsync("verify", "--rules", TestRules.Explain, "--budget", "50000");

        result.ExitCode.Should().Be(2);
        result.StdoutLines[0].Should().EndWith(": 3 violations");
        result.StdoutLines.Should().HaveCount(1 + (3 * 3));
        result.StdoutLines[1].Should().Be("violation: 1: deepTissue is not wanted but advised");
        var profile = ProfileReader.Read(result.StdoutLines[2]["  profile: ".Length..]);
        profile.AvoidStyles.Should().Equal(Advice.MassageStyle.DeepTissue);
        result.StdoutLines[3].Should().MatchRegex(@"^  occurrences: [1-9]\d*$");
    }

    [Fact]
    public async Task Verify_RuleSetThatDoesNotLoad_ExitsTwo()
    {
        var result = await Tool.RunAsync("verify", "--rules", TestRules.Broken);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{TestRules.Broken}:8:7: ");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("lots")]
    public async Task Verify_BadBudget_ExitsTwo(string budget)
    {
        var result = await Tool.RunAsync("verify", "--rules", TestRules.Clean, "--budget", budget);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
    }
}
