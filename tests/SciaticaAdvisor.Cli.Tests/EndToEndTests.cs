using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests;

/// <summary>
/// The tool with the real rule engine and the built-in rules behind it. These need the engine:
/// until it is merged, every test here fails with "the rule engine is not built yet".
/// </summary>
public sealed class EndToEndTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Advise_ContractExample_WritesAdviceFromTheBuiltInRules()
    {
        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"));

        result.ExitCode.Should().Be(0, result.Stderr);
        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.Status.Should().Be(AdviceStatus.Recommended);
        advice.Styles.Select(s => s.Rank).Should().Equal(Enumerable.Range(1, advice.Styles.Length));
        advice.RuleSet.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task Advise_RedFlags_Refers()
    {
        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/red-flags.json"));

        result.ExitCode.Should().Be(0, result.Stderr);
        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Styles.Should().BeEmpty();
    }

    [Fact]
    public async Task Advise_DefaultLayerNamedExplicitly_GivesTheSameAdvice()
    {
        var profile = Repository.PathOf("samples/profiles/acute-disc.json");

        var implicitRules = await Tool.RunAsync("advise", profile);
        var explicitRules = await Tool.RunAsync("advise", profile, "--rules", "@default");

        implicitRules.ExitCode.Should().Be(0, implicitRules.Stderr);
        explicitRules.Stdout.Should().Be(implicitRules.Stdout);
    }

    [Fact]
    public async Task Advise_Output_IsByteIdenticalToTheBatchLine()
    {
        var profile = ProfileJson.ContractExample().Build();
        var single = _files.Write("one.json", profile);
        var batch = _files.Write("many.jsonl", ProfileJson.Minimal().Build() + "\n" + profile + "\n");

        var advised = await Tool.RunAsync("advise", single);
        var batched = await Tool.RunAsync("batch", "--input", batch);

        advised.ExitCode.Should().Be(0, advised.Stderr);
        batched.StdoutLines[1].Should().Be(advised.StdoutLines.Single());
    }

    [Fact]
    public async Task Batch_SampleIntake_AdvisesTheValidLinesAndReportsTheRest()
    {
        var result = await Tool.RunAsync("batch", "--input", Repository.PathOf("samples/profiles/intake.jsonl"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.StdoutLines.Should().HaveCount(6);
        LinesOfErrors(result.StdoutLines).Should().Equal(3, 5);
        result.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(@"^4 advised, 2 invalid, \d+ referral, \d+ clearanceNeeded in \d+\.\d\d s$");
    }

    [Fact]
    public async Task Batch_SampleCsv_AnswersEveryRecord()
    {
        var result = await Tool.RunAsync("batch", "--input", Repository.PathOf("samples/profiles/intake.csv"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.StdoutLines.Should().HaveCount(4);
        LinesOfErrors(result.StdoutLines).Should().Equal(5);
    }

    [Fact]
    public async Task Advise_RuleFileThatDoesNotParse_ReportsSourceLineAndColumn()
    {
        var rules = _files.Write("broken.yaml", "name: broken\nversion: 1.0.0\nrules:\n  - id: [unclosed\n");

        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"), "--rules", rules);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().NotBeEmpty()
            .And.AllSatisfy(line => line.Should().MatchRegex("^" + System.Text.RegularExpressions.Regex.Escape(rules) + @":\d+:\d+: \S"));
    }

    [Fact]
    public async Task Advise_MissingRuleFile_ExitsTwoNamingIt()
    {
        var rules = _files.PathOf("absent.yaml");

        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"), "--rules", rules);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith(rules + ": ");
    }

    private static IEnumerable<int> LinesOfErrors(IEnumerable<string> answers) => answers
        .Select(a => JsonDocument.Parse(a).RootElement)
        .Where(e => e.TryGetProperty("line", out _))
        .Select(e => e.GetProperty("line").GetInt32());
}
