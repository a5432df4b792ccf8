using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The columns of a study's rows, in order: CONTRACT section 6's, with the profile's properties
/// taken from <see cref="ProfileFields"/>, then each style's rank, score, pressure and
/// contraindication level, the counts of adjuncts and notes, and the fault of a variant whose rules fault on the profile.
/// </summary>
internal static class StudyColumns
{
    public static ImmutableArray<StudyColumn> All { get; } =
    [
        new TextColumn("variant", false, r => r.Variant.Spec.Name),
        new TextColumn("ruleSetSha256", false, r => r.Variant.RuleSetSha256),
        new LongColumn("profile", r => r.Profile),
        .. ProfileFields.All.Select(Property),
        new TextColumn("status", true, r => r.Advice is { } a ? ContractNames.NameOf<AdviceStatus>(a.Status) : null),
        new TextColumn("topStyle", true, r => r.Advice is { Styles.IsEmpty: false } a ? ContractNames.NameOf<MassageStyle>(a.Styles[0].Style) : null),
        new TextColumn("styles", true, r => r.Advice is { } a ? Joined(a.Styles, s => ContractNames.NameOf<MassageStyle>(s.Style)) : null),
        new TextColumn("currentPhase", true, r => r.Advice?.Plan is { } plan ? ContractNames.NameOf<Planning.PlanPhase>(plan.CurrentPhase) : null),
        new TextColumn("referralUrgency", true, r => r.Advice?.Referral is { } referral ? ContractNames.NameOf<ReferralUrgency>(referral.Urgency) : null),
        new TextColumn("firedRules", true, r => r.Advice is { } a ? Joined(a.Trace, t => t.RuleId) : null),
        .. Enum.GetValues<MassageStyle>().SelectMany(StyleColumns),
        new IntColumn("adjunctCount", true, r => r.Advice?.Adjuncts.Length),
        new IntColumn("noteCount", true, r => r.Advice?.Notes.Length),

        // Added after CONTRACT's columns: null unless the variant's rules faulted on the profile, when every advice column above is null.
        new TextColumn("fault", true, r => r.Fault),
    ];

    private static string Joined<T>(ImmutableArray<T> items, Func<T, string> name)
    {
        if (items.IsEmpty)
        {
            return "";
        }

        if (items.Length == 1)
        {
            return name(items[0]);
        }

        var text = new System.Text.StringBuilder();
        foreach (var item in items)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(name(item));
        }

        return text.ToString();
    }

    private static StudyColumn Property(ProfileField field) => field.Kind switch
    {
        ProfileFieldKind.Number => new IntColumn(field.Name, field.DefaultValue is null && !field.IsRequired, r => (int?)field.GetValue(r.Input)),
        ProfileFieldKind.Boolean => new BoolColumn(field.Name, r => (bool)field.GetValue(r.Input)!),
        _ => new TextColumn(field.Name, false, r => ProfileText.Format(field, r.Input) ?? ""),
    };

    private static IEnumerable<StudyColumn> StyleColumns(MassageStyle style)
    {
        var name = ContractNames.NameOf<MassageStyle>(style);
        return
        [
            new IntColumn(name + "Rank", true, r => r.Style(style)?.Rank),
            new DoubleColumn(name + "Score", true, r => r.Style(style)?.Score),
            new TextColumn(name + "Pressure", true, r => r.Style(style) is { } s ? ContractNames.NameOf<Pressure>(s.Pressure) : null),
            new TextColumn(name + "Contraindication", true, r => r.Contraindication(style) is { } c ? ContractNames.NameOf<ContraindicationLevel>(c.Level) : null),
        ];
    }
}
