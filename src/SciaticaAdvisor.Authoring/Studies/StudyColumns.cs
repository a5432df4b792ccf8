using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The columns of a study's rows, in order: CONTRACT section 6's, with the profile's properties
/// taken from <see cref="ProfileFields"/>, then each style's rank, score, pressure and
/// contraindication level, and the counts of adjuncts and notes.
/// </summary>
internal static class StudyColumns
{
    public static ImmutableArray<StudyColumn> All { get; } =
    [
        new TextColumn("variant", false, r => r.Variant.Spec.Name),
        new TextColumn("ruleSetSha256", false, r => r.Variant.RuleSetSha256),
        new LongColumn("profile", r => r.Profile),
        .. ProfileFields.All.Select(Property),
        new TextColumn("status", false, r => EnumNames<AdviceStatus>.NameOf(r.Advice.Status)),
        new TextColumn("topStyle", true, r => r.Advice.Styles.IsEmpty ? null : EnumNames<MassageStyle>.NameOf(r.Advice.Styles[0].Style)),
        new TextColumn("styles", false, r => string.Join(";", r.Advice.Styles.Select(s => EnumNames<MassageStyle>.NameOf(s.Style)))),
        new TextColumn("currentPhase", true, r => r.Advice.Plan is { } plan ? EnumNames<Planning.PlanPhase>.NameOf(plan.CurrentPhase) : null),
        new TextColumn("referralUrgency", true, r => r.Advice.Referral is { } referral ? EnumNames<ReferralUrgency>.NameOf(referral.Urgency) : null),
        new TextColumn("firedRules", false, r => string.Join(";", r.Advice.Trace.Select(t => t.RuleId))),
        .. EnumNames<MassageStyle>.Values.SelectMany(StyleColumns),
        new IntColumn("adjunctCount", false, r => r.Advice.Adjuncts.Length),
        new IntColumn("noteCount", false, r => r.Advice.Notes.Length),
    ];

    private static StudyColumn Property(ProfileField field) => field.Kind switch
    {
        ProfileFieldKind.Number => new IntColumn(field.Name, field.DefaultValue is null && !field.IsRequired, r => (int?)field.GetValue(r.Input)),
        ProfileFieldKind.Boolean => new BoolColumn(field.Name, r => (bool)field.GetValue(r.Input)!),
        _ => new TextColumn(field.Name, false, r => ProfileText.Format(field, r.Input) ?? ""),
    };

    private static IEnumerable<StudyColumn> StyleColumns(MassageStyle style)
    {
        var name = EnumNames<MassageStyle>.NameOf(style);
        return
        [
            new IntColumn(name + "Rank", true, r => r.Style(style)?.Rank),
            new DoubleColumn(name + "Score", true, r => r.Style(style)?.Score),
            new TextColumn(name + "Pressure", true, r => r.Style(style) is { } s ? EnumNames<Pressure>.NameOf(s.Pressure) : null),
            new TextColumn(name + "Contraindication", true, r => r.Contraindication(style) is { } c ? EnumNames<ContraindicationLevel>.NameOf(c.Level) : null),
        ];
    }
}
