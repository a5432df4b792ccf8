using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>An outcome the reports count: its column, its categories, and which one an advice falls in.</summary>
internal sealed record OutcomeMeasure(string Column, string Title, ImmutableArray<string> Categories, Func<MassageAdvice, int> Category)
{
    public const string None = "(none)";

    public static OutcomeMeasure Status { get; } = new(
        "status", "status", ContractNames.NamesOf<AdviceStatus>(), a => (int)a.Status);

    public static OutcomeMeasure TopStyle { get; } = new(
        "topStyle", "top style", [.. ContractNames.NamesOf<MassageStyle>(), None], a => a.Styles.IsEmpty ? ContractNames.NamesOf<MassageStyle>().Length : (int)a.Styles[0].Style);

    public static OutcomeMeasure CurrentPhase { get; } = new(
        "currentPhase", "current phase", [.. ContractNames.NamesOf<PlanPhase>(), None], a => a.Plan is { } p ? (int)p.CurrentPhase : ContractNames.NamesOf<PlanPhase>().Length);

    public static OutcomeMeasure ReferralUrgency { get; } = new(
        "referralUrgency", "referral urgency", [.. ContractNames.NamesOf<Advice.ReferralUrgency>(), None], a => a.Referral is { } r ? (int)r.Urgency : ContractNames.NamesOf<Advice.ReferralUrgency>().Length);

    public static ImmutableArray<OutcomeMeasure> All { get; } = [Status, TopStyle, CurrentPhase, ReferralUrgency];
}
