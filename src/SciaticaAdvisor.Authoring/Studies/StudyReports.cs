using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace SciaticaAdvisor.Studies;

/// <summary>Writes <c>summary.md</c> (outcome shares per variant and per factor, and differences from the first variant), <c>sensitivity.md</c> and the charts.</summary>
internal static class StudyReports
{
    /// <summary>
    /// Writes the reports to the output's temporary names, for it to commit with the rows; the sensitivity
    /// report says whether it is exact (every profile of a grid compared) or of the first profiles advised again.
    /// </summary>
    public static void Write(Study study, OutcomeTally tally, ImmutableArray<SensitivityCell> sensitivity, bool exact, StudyOutput output, CancellationToken cancellationToken)
    {
        File.WriteAllText(output.Reserve("summary.md"), Summary(study, tally));
        File.WriteAllText(output.Reserve("sensitivity.md"), SensitivityReport(study, sensitivity, exact));
        StudyCharts.Write(study, tally, sensitivity, output, cancellationToken);
    }

    private static string Summary(Study study, OutcomeTally tally)
    {
        var text = new StringBuilder();
        var variants = study.Variants.Select(v => v.Name).ToList();
        Line(text, $"# Study {study.Name}");
        Line(text);
        Line(text, $"{tally.Profiles} profiles ({study.PopulationKind}) × {variants.Count} variants; study file `{Path.GetFileName(study.Source)}`, SHA-256 `{study.Sha256}`.");
        Line(text);
        Line(text, "| variant | rules | ruleSetSha256 |");
        Line(text, "|---|---|---|");
        foreach (var variant in study.Compiled)
        {
            var extra = string.Concat(variant.Spec.Settings.Select(s => $", {s.Key} {s.Value.ToString(CultureInfo.InvariantCulture)}"))
                + (variant.Spec.Disable.IsEmpty ? "" : ", disable " + string.Join(" ", variant.Spec.Disable));
            Line(text, $"| {variant.Spec.Name} | {string.Join(" + ", variant.Spec.Rules)}{extra} | `{variant.RuleSetSha256[..12]}…` |");
        }

        for (var v = 0; v < variants.Count; v++)
        {
            if (tally.FaultedRows(v) > 0)
            {
                Line(text);
                Line(text, $"**Variant `{variants[v]}` faulted on {tally.FaultedRows(v)} of {tally.Profiles} profiles**: its rules gave advice that breaks a GUIDANCE invariant. Those rows have the `fault` column set and no advice; the shares below for `{variants[v]}` are of the {tally.Advised(v)} profiles it advised.");
            }
        }

        for (var m = 0; m < OutcomeMeasure.All.Length; m++)
        {
            var measure = OutcomeMeasure.All[m];
            Line(text);
            Line(text, $"## {Capital(measure.Title)} (`{measure.Column}`)");
            Line(text);
            Line(text, $"Share of profiles, % (chart: `{StudyCharts.ShareFile(measure)}`).");
            Line(text);
            Header(text, "variant", measure.Categories);
            for (var v = 0; v < variants.Count; v++)
            {
                Row(text, variants[v], measure.Categories.Select((_, c) => Percent(tally.Count(v, m, c), tally.Advised(v))));
            }

            if (variants.Count > 1)
            {
                Line(text);
                Line(text, $"Difference from `{variants[0]}`, percentage points (chart: `{StudyCharts.DifferenceFile(measure)}`).");
                Line(text);
                Header(text, "variant", measure.Categories);
                for (var v = 1; v < variants.Count; v++)
                {
                    Row(text, variants[v], measure.Categories.Select((_, c) => Points(Share(tally.Count(v, m, c), tally.Advised(v)) - Share(tally.Count(0, m, c), tally.Advised(0)))));
                }
            }

            for (var f = 0; f < tally.Factors.Length; f++)
            {
                var factor = tally.Factors[f];
                Line(text);
                Line(text, $"### {Capital(measure.Title)} by `{factor.Field.Name}`");
                Line(text);
                Line(text, $"Share of the profiles at each value, % (chart: `{StudyCharts.FactorFile(measure, variants[0])}` and one per variant).");
                Line(text);
                Header(text, $"{factor.Field.Name} | variant", measure.Categories);
                for (var level = 0; level < factor.Levels.Length; level++)
                {
                    for (var v = 0; v < variants.Count; v++)
                    {
                        var total = tally.Total(f, v, level);
                        Row(text, $"{factor.Levels[level]} | {variants[v]}", measure.Categories.Select((_, c) => Percent(tally.Count(f, v, level, m, c), total)));
                        if (v > 0)
                        {
                            var baseline = tally.Total(f, 0, level);
                            Row(text, $"{factor.Levels[level]} | {variants[v]} − {variants[0]} (pp)", measure.Categories.Select((_, c) =>
                                Points(Share(tally.Count(f, v, level, m, c), total) - Share(tally.Count(f, 0, level, m, c), baseline))));
                        }
                    }
                }
            }
        }

        return text.ToString();
    }

    private static string SensitivityReport(Study study, ImmutableArray<SensitivityCell> cells, bool exact)
    {
        var text = new StringBuilder();
        Line(text, $"# One-at-a-time sensitivity: study {study.Name}");
        Line(text);
        Line(text, exact
            ? "Each profile of the grid is compared with each profile that differs from it in one factor only; the share is of those pairs whose advice differs."
            : $"The first {Sensitivity.PerturbedProfiles} profiles of the population are advised again with one field changed to each of its other values; the share is of those changes that change the advice.");
        Line(text);
        Line(text, $"Chart: `{StudyCharts.SensitivityFile}` (share whose top style or status changes, per factor and variant).");
        for (var v = 0; v < study.Variants.Length; v++)
        {
            Line(text);
            Line(text, $"## Variant `{study.Variants[v].Name}`");
            Line(text);
            Line(text, "| factor | changed to | comparisons | top style changes, % | status changes, % | either changes, % |");
            Line(text, "|---|---|---:|---:|---:|---:|");
            foreach (var group in cells.Where(c => c.Variant == v).GroupBy(c => c.Factor))
            {
                var all = (Profiles: group.Sum(c => c.Profiles), Top: group.Sum(c => c.TopStyleChanged), Status: group.Sum(c => c.StatusChanged), Either: group.Sum(c => c.EitherChanged));
                Line(text, $"| **{group.Key}** | **any other value** | {all.Profiles} | **{Percent(all.Top, all.Profiles)}** | **{Percent(all.Status, all.Profiles)}** | **{Percent(all.Either, all.Profiles)}** |");
                foreach (var cell in group.Where(c => c.Profiles > 0))
                {
                    Line(text, $"| {cell.Factor} | {cell.ToValue} | {cell.Profiles} | {Percent(cell.TopStyleChanged, cell.Profiles)} | {Percent(cell.StatusChanged, cell.Profiles)} | {Percent(cell.EitherChanged, cell.Profiles)} |");
                }
            }
        }

        return text.ToString();
    }

    public static double Share(long count, long total) => total == 0 ? 0 : (double)count / total;

    private static string Percent(long count, long total) => (Share(count, total) * 100).ToString("0.0", CultureInfo.InvariantCulture);

    private static string Points(double difference) => (difference * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static void Header(StringBuilder text, string first, ImmutableArray<string> categories)
    {
        Line(text, $"| {first} | {string.Join(" | ", categories)} |");
        Line(text, $"|{string.Concat(Enumerable.Repeat("---|", first.Count(c => c == '|') + 1))}{string.Concat(categories.Select(_ => "---:|"))}");
    }

    private static void Row(StringBuilder text, string first, IEnumerable<string> cells) => Line(text, $"| {first} | {string.Join(" | ", cells)} |");

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
