using System.Globalization;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using Spectre.Console;
using static SciaticaAdvisor.Cli.Explaining.Tables;

namespace SciaticaAdvisor.Cli.Explaining;

/// <summary>Renders one advice as tables for a person to read: what is advised, what is not and why, and the rules behind each.</summary>
internal static class ExplanationText
{
    public static void Render(IAnsiConsole console, MassageAdvice advice, IReadOnlyList<WhyNot> whyNot)
    {
        var names = advice.Trace.GroupBy(t => t.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        console.Write(new Text($"Status: {Names.Of(advice.Status)}", new Style(decoration: Decoration.Bold)));
        console.WriteLine();
        console.Write(new Text($"Rule set: {advice.RuleSet.Name} {advice.RuleSet.Version}"));
        console.WriteLine();

        Section(console, "Recommended styles");
        if (advice.Styles.IsEmpty)
        {
            Line(console, "No massage style is advised now.");
        }
        else
        {
            var styles = Table("Rank", "Style", "Score", "Pressure", "Focus areas", "Rules");
            foreach (var s in advice.Styles)
            {
                styles.AddRow(
                    Cell(s.Rank.ToString(CultureInfo.InvariantCulture)),
                    Cell(Names.Of(s.Style)),
                    Cell(s.Score.ToString("0.##", CultureInfo.InvariantCulture)),
                    Cell(Names.Of(s.Pressure)),
                    Cell(string.Join(", ", s.FocusAreas.Select(Names.Of))),
                    RuleList(s.RuleIds, names));
            }

            console.Write(styles);
        }

        Contraindications(console, advice, names);
        Section(console, "Beside massage");
        Line(console, advice.Adjuncts.IsEmpty ? "None." : string.Join("\n", advice.Adjuncts.Select(a => $"- {Names.Of(a.Therapy)}: {a.Reason} ({string.Join(", ", a.RuleIds)})")));
        Plan(console, advice.Plan);
        Referral(console, advice.Referral, names);
        Section(console, "Notes");
        Line(console, advice.Notes.IsEmpty ? "None." : string.Join("\n", advice.Notes.Select(n => "- " + n)));
        WhyNotSection(console, whyNot);
    }

    private static void Contraindications(IAnsiConsole console, MassageAdvice advice, Dictionary<string, string> names)
    {
        Section(console, "Contraindications");
        if (advice.Contraindications.IsEmpty)
        {
            Line(console, "None.");
            return;
        }

        var table = Table("Style", "Level", "Why", "Rules");
        foreach (var c in advice.Contraindications)
        {
            table.AddRow(Cell(Names.Of(c.Style)), Cell(Names.Of(c.Level)), Cell(c.Reason), RuleList(c.RuleIds, names));
        }

        console.Write(table);
    }

    private static void Plan(IAnsiConsole console, FrequencyPlan? plan)
    {
        Section(console, "Plan");
        if (plan is null)
        {
            Line(console, "No plan: no massage style is advised.");
            return;
        }

        var table = Table("Phase", "Sessions", "Every", "For", "Goal");
        foreach (var p in plan.Phases)
        {
            var current = p.Phase == plan.CurrentPhase;
            table.AddRow(
                Cell(Names.Of(p.Phase) + (current ? " (now)" : "")),
                Cell(p.MinSessions == p.MaxSessions ? $"{p.MinSessions}" : $"{p.MinSessions}-{p.MaxSessions}"),
                Cell(p.PeriodWeeks == 1 ? "week" : $"{p.PeriodWeeks} weeks"),
                Cell(Weeks(p.MinWeeks, p.MaxWeeks)),
                Cell(p.Goal));
        }

        console.Write(table);
    }

    private static void Referral(IAnsiConsole console, Referral? referral, Dictionary<string, string> names)
    {
        Section(console, "Referral");
        if (referral is null)
        {
            Line(console, "None.");
            return;
        }

        var table = Table("Urgency", "Why", "Rules");
        table.AddRow(Cell(Names.Of(referral.Urgency)), Cell(string.Join("\n", referral.Reasons)), RuleList(referral.RuleIds, names));
        console.Write(table);
    }

    private static void WhyNotSection(IAnsiConsole console, IReadOnlyList<WhyNot> whyNot)
    {
        Section(console, "Why not");
        if (whyNot.Count == 0)
        {
            Line(console, "Every style is advised, none lowered by a caution.");
            return;
        }

        var table = Table("Style", "Why", "Rules");
        foreach (var w in whyNot)
        {
            table.AddRow(Cell(Names.Of(w.Style)), Cell(w.Reason), Cell(w.Rules.IsEmpty ? "-" : string.Join("\n", w.Rules.Select(r => $"{r.RuleId}: {r.Name}"))));
        }

        console.Write(table);
    }

    private static string Weeks(int? min, int? max) => (min, max) switch
    {
        (null, null) => "open-ended",
        ({ } from, null) => $"{from}+ weeks",
        (null, { } to) => $"up to {to} weeks",
        ({ } from, { } to) when from == to => $"{from} weeks",
        ({ } from, { } to) => $"{from}-{to} weeks",
    };
}
