using SciaticaAdvisor.Cli.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>lint</c>: every finding a line, a summary, exit 2 only for error findings or a rule set that does not load.</summary>
public sealed class LintCommandTests
{
    [Fact]
    public async Task Lint_OnlyWarningsAndInfos_PrintsEachFindingAndExitsZero()
    {
        var result = await Tool.RunAsync("lint", "--rules", TestRules.Gentle);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.StdoutLines.Should().Contain($"{TestRules.Gentle}: warning style-never-recommended: no rule recommends deepTissue with a positive score, so it is never advised");
        result.StdoutLines[^1].Should().Be("3 rules: 0 errors, 3 warnings, 30 infos");
        result.StdoutLines.Should().HaveCount(34);
    }

    [Fact]
    public async Task Lint_ErrorFinding_ExitsTwoAndNamesTheRuleAndLine()
    {
        var result = await Tool.RunAsync("lint", "--rules", TestRules.LintError);

        result.ExitCode.Should().Be(2);
        result.StdoutLines[0].Should().Be($"{TestRules.LintError}:11: error never-fires: no profile satisfies this rule's condition; it can never fire");
        result.StdoutLines[^1].Should().StartWith("2 rules: 1 errors, ");
    }

    [Fact]
    public async Task Lint_RuleSetThatDoesNotLoad_ExitsTwoWithSourceLineColumn()
    {
        var result = await Tool.RunAsync("lint", "--rules", TestRules.Broken);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{TestRules.Broken}:8:7: ");
    }

    [Fact]
    public async Task Lint_MissingRuleFile_ExitsTwo()
    {
        var result = await Tool.RunAsync("lint", "--rules", "absent.yaml");

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal("absent.yaml: the rule file does not exist");
    }
}
