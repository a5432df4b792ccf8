using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The columns of a study's rows, in order: CONTRACT section 6's, with the profile's properties
/// taken from <see cref="ProfileFields"/>, then each style's rank, score, pressure and
/// contraindication level, the counts of adjuncts and notes, and the fault of a variant whose rules fault on the profile.
/// </summary>
/// <remarks>
/// No cell allocates: codes are the contract's own strings, repeated texts come from the run's
/// <see cref="StudyTexts"/>, and the fired rules are joined straight into the block's arena.
/// </remarks>
internal static class StudyColumns
{
    public static ImmutableArray<StudyColumn> All { get; } =
    [
        new TextColumn("variant", false, (r, _) => r.Variant.Spec.Name.AsMemory()),
        new TextColumn("ruleSetSha256", false, (r, _) => r.Variant.RuleSetSha256.AsMemory()),
        new LongColumn("profile", r => r.Profile),
        .. ProfileFields.All.Select(Property),
        new TextColumn("status", true, (r, _) => r.Advice is { } a ? Name(a.Status) : null),
        new TextColumn("topStyle", true, (r, _) => r.Advice is { Styles.IsEmpty: false } a ? Name(a.Styles[0].Style) : null),
        new TextColumn("styles", true, (r, t) => r.Advice is { } a ? Cell(t.Texts.Styles(a.Styles)) : null),
        new TextColumn("currentPhase", true, (r, _) => r.Advice?.Plan is { } plan ? Name(plan.CurrentPhase) : null),
        new TextColumn("referralUrgency", true, (r, _) => r.Advice?.Referral is { } referral ? Name(referral.Urgency) : null),
        new TextColumn("firedRules", true, (r, t) => r.Advice is { } a ? Cell(t.Arena.Join(a.Trace.AsSpan(), e => e.RuleId)) : null),
        .. Enum.GetValues<MassageStyle>().SelectMany(StyleColumns),
        new IntColumn("adjunctCount", true, r => r.Advice?.Adjuncts.Length),
        new IntColumn("noteCount", true, r => r.Advice?.Notes.Length),

        // Added after CONTRACT's columns: null unless the variant's rules faulted on the profile, when every advice column above is null.
        new TextColumn("fault", true, (r, _) => r.Fault is { } fault ? Cell(fault) : null),
    ];

    /// <summary>A code as a cell.</summary>
    /// <remarks>
    /// Typed as a nullable cell on purpose: in <c>c ? cell : null</c> with a plain <see cref="ReadOnlyMemory{T}"/>,
    /// C# turns the <see langword="null"/> into an empty text through the conversion from an array, not into no value.
    /// </remarks>
    private static ReadOnlyMemory<char>? Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => ContractNames.NameOf(value).AsMemory();

    private static ReadOnlyMemory<char>? Cell(string text) => text.AsMemory();

    private static ReadOnlyMemory<char>? Cell(ReadOnlyMemory<char> text) => text;

    private static StudyColumn Property(ProfileField field, int index) => field.Kind switch
    {
        ProfileFieldKind.Number => new IntColumn(field.Name, field.DefaultValue is null && !field.IsRequired, r => (int?)field.GetValue(r.Input), OfProfile: true),
        ProfileFieldKind.Boolean => new BoolColumn(field.Name, r => (bool)field.GetValue(r.Input)!, OfProfile: true),
        _ => new TextColumn(field.Name, false, (r, t) => (t.Texts.Field(field, index, r.Input) ?? "").AsMemory(), OfProfile: true),
    };

    private static IEnumerable<StudyColumn> StyleColumns(MassageStyle style)
    {
        var name = ContractNames.NameOf(style);
        return
        [
            new IntColumn(name + "Rank", true, r => r.Style(style)?.Rank),
            new DoubleColumn(name + "Score", true, r => r.Style(style)?.Score),
            new TextColumn(name + "Pressure", true, (r, _) => r.Style(style) is { } s ? Name(s.Pressure) : null),
            new TextColumn(name + "Contraindication", true, (r, _) => r.Contraindication(style) is { } c ? Name(c.Level) : null),
        ];
    }
}
