using System.Text.Json;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests;

/// <summary>
/// The tool with the real rule engine behind it, loading a small test rule set with --rules, so
/// these do not depend on the clinical content of the built-in rules.
/// </summary>
public sealed class EngineTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Advise_WithRuleFile_WritesTheEnginesAdvice()
    {
        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"), "--rules", TestRules.Gentle);

        result.ExitCode.Should().Be(0, result.Stderr);
        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.Status.Should().Be(AdviceStatus.Recommended);
        advice.Styles.Select(s => s.Style).Should().Equal(MassageStyle.Reflexology, MassageStyle.Relaxation);
        advice.RuleSet.Name.Should().Be("cli-gentle");
    }

    [Fact]
    public async Task Advise_RedFlags_Refers()
    {
        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/red-flags.json"), "--rules", TestRules.Gentle);

        var advice = AdvisorJson.DeserializeAdvice(result.StdoutLines.Single());
        advice.Status.Should().Be(AdviceStatus.Referral);
        advice.Referral!.Urgency.Should().Be(ReferralUrgency.Emergency);
    }

    [Fact]
    public async Task Advise_Output_IsByteIdenticalToTheBatchLine()
    {
        var profile = ProfileJson.ContractExample().Build();
        var single = _files.Write("one.json", profile);
        var batch = _files.Write("many.jsonl", ProfileJson.Minimal().Build() + "\n" + profile + "\n");

        var advised = await Tool.RunAsync("advise", single, "--rules", TestRules.Gentle);
        var batched = await Tool.RunAsync("batch", "--input", batch, "--rules", TestRules.Gentle);

        advised.ExitCode.Should().Be(0, advised.Stderr);
        batched.StdoutLines[1].Should().Be(advised.StdoutLines.Single());
    }

    [Fact]
    public async Task Batch_SampleIntake_AdvisesValidLinesAndCountsThem()
    {
        var result = await Tool.RunAsync("batch", "--input", Repository.PathOf("samples/profiles/intake.jsonl"), "--rules", TestRules.Gentle);

        result.ExitCode.Should().Be(2);
        StatusesOf(result.StdoutLines).Should().Equal("recommended", "clearanceNeeded", "line 3", "referral", "line 5", "recommended");
        result.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(
            @"^4 advised, 2 invalid, 1 referral, 1 clearanceNeeded in \d+\.\d\d s$");
    }

    [Fact]
    public async Task Batch_SampleCsv_AdvisesEachRecord()
    {
        var result = await Tool.RunAsync("batch", "--input", Repository.PathOf("samples/profiles/intake.csv"), "--rules", TestRules.Gentle);

        StatusesOf(result.StdoutLines).Should().Equal("recommended", "clearanceNeeded", "referral", "line 5");
    }

    [Fact]
    public async Task Batch_ThousandsOfLinesOnEveryCore_KeepInputOrder()
    {
        const int count = 3000;
        string[] kinds = ["recommended", "referral", "line", "clearanceNeeded"];
        var lines = Enumerable.Range(0, count).Select(i => (i % 4) switch
        {
            0 => ProfileJson.ContractExample().With("symptomWeeks", i % 500).Build(),
            1 => ProfileJson.Minimal().WithSet("redFlags", "saddleAnesthesia").Build(),
            2 => ProfileJson.Minimal().With("painIntensity", 11).Build(),
            _ => ProfileJson.Minimal().Build(),
        });
        var input = _files.Write("many.jsonl", string.Join('\n', lines));

        var result = await Tool.RunAsync(["batch", "--input", input, "--rules", TestRules.Gentle], string.Empty, chunkLines: 16);

        var statuses = StatusesOf(result.StdoutLines).ToList();
        statuses.Should().HaveCount(count);
        for (var i = 0; i < count; i++)
        {
            statuses[i].Should().Be(i % 4 == 2 ? $"line {i + 1}" : kinds[i % 4]);
        }
    }

    [Fact]
    public async Task Batch_SampledPopulation_EveryLineIsByteForByteWhatAdviseGives()
    {
        // Profiles of one input class share a chunk's engine session or come from the cache; either
        // way each line must be the advice the library gives that profile alone, with the built-in rules.
        var population = _files.PathOf("sample.jsonl");
        (await Tool.RunAsync("sample", "--count", "1500", "--seed", "1", "--output", population)).ExitCode.Should().Be(0);
        var lines = await File.ReadAllLinesAsync(population);

        var result = await Tool.RunAsync(["batch", "--input", population], string.Empty, chunkLines: 100);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.StdoutLines.Should().HaveCount(lines.Length);
        var alone = new AdvisorBuilder().UseAdviceCache(0).Build();
        for (var i = 0; i < lines.Length; i++)
        {
            var profile = SciaticaAdvisor.Profiles.ProfileReader.Read(lines[i]);
            result.StdoutLines[i].Should().Be(AdvisorJson.Serialize(alone.Advise(profile)), $"line {i + 1}");
        }
    }

    [Fact]
    public async Task Advise_RuleFileThatDoesNotParse_ReportsSourceLineAndColumn()
    {
        var rules = _files.Write("broken.yaml", "name: broken\nversion: 1.0.0\nrules:\n  - id: [unclosed\n");

        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"), "--rules", rules);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().NotBeEmpty()
            .And.AllSatisfy(line => line.Should().MatchRegex("^" + Regex.Escape(rules) + @":\d+:\d+: \S"));
    }

    [Fact]
    public async Task Batch_RuleFileThatDoesNotLoad_ExitsTwoAndWritesNothing()
    {
        var rules = _files.Write("unknown-field.yaml",
            "name: odd\nversion: 1.0.0\nrules:\n  - id: a\n    name: A\n    guidance: G8\n    when: { flair: acute }\n    then:\n      - note: hi\n");
        var input = _files.Write("in.jsonl", ProfileJson.Minimal().Build());

        var result = await Tool.RunAsync("batch", "--input", input, "--rules", rules);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Contain(line => line.StartsWith(rules + ":7:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Advise_MissingRuleFile_ExitsTwoNamingIt()
    {
        var rules = _files.PathOf("absent.yaml");

        var result = await Tool.RunAsync("advise", Repository.PathOf("samples/profiles/piriformis.json"), "--rules", rules);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith(rules + ": ");
    }

    /// <summary>Each answer's status, or "line N" for an error object.</summary>
    private static IEnumerable<string> StatusesOf(IEnumerable<string> answers) => answers.Select(answer =>
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        return root.TryGetProperty("line", out var line) ? $"line {line.GetInt32()}" : root.GetProperty("status").GetString()!;
    });
}
