using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Explaining;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Comparing;

/// <summary>One way one advice changed: the kind and what changed (<c>from</c> and <c>to</c>, or a contraindication's style and level).</summary>
internal readonly record struct AdviceChange(ChangeKind Kind, string First, string Second)
{
    private const string None = "none";

    /// <summary>How the advice changed from <paramref name="before"/> to <paramref name="after"/>; empty when only the rule set and trace differ.</summary>
    public static IReadOnlyList<AdviceChange> Between(MassageAdvice before, MassageAdvice after)
    {
        var changes = new List<AdviceChange>();
        Transition(changes, ChangeKind.Status, Names.Of(before.Status), Names.Of(after.Status));
        Transition(changes, ChangeKind.TopStyle, TopStyle(before), TopStyle(after));
        var was = Contraindications(before);
        var now = Contraindications(after);
        changes.AddRange(now.Except(was).Select(c => new AdviceChange(ChangeKind.ContraindicationAdded, c.Style, c.Level)));
        changes.AddRange(was.Except(now).Select(c => new AdviceChange(ChangeKind.ContraindicationRemoved, c.Style, c.Level)));
        Transition(changes, ChangeKind.Phase, Phase(before), Phase(after));
        Transition(changes, ChangeKind.ReferralUrgency, Urgency(before), Urgency(after));
        if (changes.Count == 0 && Content(before) != Content(after))
        {
            changes.Add(new AdviceChange(ChangeKind.Other, "", ""));
        }

        return changes;
    }

    private static void Transition(List<AdviceChange> changes, ChangeKind kind, string from, string to)
    {
        if (from != to)
        {
            changes.Add(new AdviceChange(kind, from, to));
        }
    }

    private static string TopStyle(MassageAdvice advice) => advice.Styles.IsEmpty ? None : Names.Of(advice.Styles[0].Style);

    private static string Phase(MassageAdvice advice) => advice.Plan is { } plan ? Names.Of(plan.CurrentPhase) : None;

    private static string Urgency(MassageAdvice advice) => advice.Referral is { } referral ? Names.Of(referral.Urgency) : None;

    private static (string Style, string Level)[] Contraindications(MassageAdvice advice) =>
        [.. advice.Contraindications.Select(c => (Names.Of(c.Style), Names.Of(c.Level)))];

    /// <summary>The advice without what always differs between two rule sets: which set it was, and the rule ids that fired.</summary>
    private static string Content(MassageAdvice advice) => AdvisorJson.Serialize(advice.WithoutProvenance());
}
