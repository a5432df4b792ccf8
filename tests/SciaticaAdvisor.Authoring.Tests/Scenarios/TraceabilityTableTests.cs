using System.Text;
using FluentAssertions;
using SciaticaAdvisor.Linting;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>docs/traceability.md maps every GUIDANCE item to its rules and scenarios; this keeps it current.</summary>
public sealed class TraceabilityTableTests
{
    private static string TablePath => Path.Combine(RepoPaths.Root, "docs", "traceability.md");

    [Fact]
    public void The_traceability_table_in_docs_is_current()
    {
        var expected = BuildTable();
        if (Environment.GetEnvironmentVariable("SCIATICA_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(TablePath, expected);
        }

        var actual = File.Exists(TablePath) ? File.ReadAllText(TablePath).ReplaceLineEndings("\n") : string.Empty;
        actual.Should().Be(expected, "docs/traceability.md is generated; rerun the tests with SCIATICA_UPDATE_DOCS=1 to refresh it");
    }

    private static string BuildTable()
    {
        var rules = Advisor.CreateDefault().Rules;
        var scenarios = RepoPaths.ScenarioFiles
            .SelectMany(path => ScenarioFile.Load(path).Scenarios.Select(s => (File: Path.GetFileName(path), Scenario: s)))
            .ToList();
        var text = new StringBuilder()
            .Append("# Traceability: GUIDANCE items, rules and scenarios\n\n")
            .Append("Generated from `rules/sciatica-massage.yaml` and `rules/scenarios/*.yaml` by\n")
            .Append("`TraceabilityTableTests`; rerun the tests with `SCIATICA_UPDATE_DOCS=1` after changing either.\n\n")
            .Append("| item | rules | scenarios |\n|---|---|---|\n");
        foreach (var item in GuidanceItems.All)
        {
            var ruleIds = rules.Where(r => r.Guidance == item).Select(r => $"`{r.Id}`");
            var covering = scenarios.Where(s => s.Scenario.Guidance.Contains(item)).Select(s => $"{Escape(s.Scenario.Name)} ({s.File})");
            text.Append($"| {item} | {string.Join("<br>", ruleIds)} | {string.Join("<br>", covering)} |\n");
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
