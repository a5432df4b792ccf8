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
/// <see cref="StudyTexts"/>, and the fired rules are rule numbers until their row group is written.
/// </remarks>
internal static class StudyColumns
{
    public static ImmutableArray<StudyColumn> All { get; } =
    [
        new TextColumn("variant", false, (r, _) => r.Variant.Spec.Name.AsMemory()),
        new TextColumn("ruleSetSha256", false, (r, _) => r.Variant.RuleSetSha256.AsMemory()),
        new LongColumn("profile", r => r.Profile),
        .. ProfileFields.All.Select(Property),
        new TextColumn("status", true, (r, _) => Cell(r.Cells.Status)),
        new TextColumn("topStyle", true, (r, _) => Cell(r.Cells.TopStyle)),
        new TextColumn("styles", true, (r, _) => Cell(r.Cells.Styles)),
        new TextColumn("currentPhase", true, (r, _) => Cell(r.Cells.CurrentPhase)),
        new TextColumn("referralUrgency", true, (r, _) => Cell(r.Cells.ReferralUrgency)),
        new FiredColumn("firedRules", r => r.Cells.Advised ? r.Cells.Fired : null),
        .. Enum.GetValues<MassageStyle>().SelectMany(StyleColumns),
        new IntColumn("adjunctCount", true, r => r.Cells.AdjunctCount),
        new IntColumn("noteCount", true, r => r.Cells.NoteCount),

        // Added after CONTRACT's columns: null unless the variant's rules faulted on the profile, when every advice column above is null.
        new TextColumn("fault", true, (r, _) => Cell(r.Cells.Fault)),
    ];

    /// <summary>A code or text as a cell, no value for <see langword="null"/>.</summary>
    /// <remarks>
    /// Typed as a nullable cell on purpose: in <c>c ? cell : null</c> with a plain <see cref="ReadOnlyMemory{T}"/>,
    /// C# turns the <see langword="null"/> into an empty text through the conversion from an array, not into no value.
    /// </remarks>
    private static ReadOnlyMemory<char>? Cell(string? text) => text is null ? default(ReadOnlyMemory<char>?) : text.AsMemory();

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
            new IntColumn(name + "Rank", true, r => r.Cells.Rank(style)),
            new DoubleColumn(name + "Score", true, r => r.Cells.Score(style)),
            new TextColumn(name + "Pressure", true, (r, _) => Cell(r.Cells.Pressure(style))),
            new TextColumn(name + "Contraindication", true, (r, _) => Cell(r.Cells.Contraindication(style))),
        ];
    }
}
