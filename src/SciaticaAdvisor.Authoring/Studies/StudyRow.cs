using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One output row while its cells are read out: a profile of the population advised under one variant,
/// or, when the variant's rules fault on the profile, the fault's message instead of an advice (as
/// <c>batch</c> answers such a line with <c>{"line":N,"fault":"..."}</c>).
/// </summary>
/// <remarks>
/// Where each style stands in the advice's styles and contraindications is found once, when the row is
/// made, so the twenty per-style columns each take theirs without a search.
/// </remarks>
internal readonly struct StudyRow
{
    private const int BitsPerStyle = 4;

    // Every style's four bits fit in a long.
    private static readonly bool Packable = Enum.GetValues<MassageStyle>().All(s => (int)s >= 0 && ((int)s + 1) * BitsPerStyle <= 64);

    // For each style, its position in Advice.Styles (and in Advice.Contraindications) plus one, four bits a style; 0: absent.
    private readonly long _stylePositions;
    private readonly long _contraindicationPositions;
    private readonly bool _searched;

    public StudyRow(long profile, SymptomProfile input, int variantIndex, CompiledVariant variant, MassageAdvice? advice, string? fault)
    {
        Profile = profile;
        Input = input;
        VariantIndex = variantIndex;
        Variant = variant;
        Advice = advice;
        Fault = fault;
        if (advice is null || !Packable || advice.Styles.Length >= 1 << BitsPerStyle || advice.Contraindications.Length >= 1 << BitsPerStyle)
        {
            // Positions that do not fit are searched for instead.
            _searched = advice is not null;
            return;
        }

        // Backwards, so that were a style listed twice the first would be the one kept, as a search finds it.
        for (var i = advice.Styles.Length - 1; i >= 0; i--)
        {
            _stylePositions = Placed(_stylePositions, advice.Styles[i].Style, i);
        }

        for (var i = advice.Contraindications.Length - 1; i >= 0; i--)
        {
            _contraindicationPositions = Placed(_contraindicationPositions, advice.Contraindications[i].Style, i);
        }
    }

    public long Profile { get; }

    public SymptomProfile Input { get; }

    public int VariantIndex { get; }

    public CompiledVariant Variant { get; }

    public MassageAdvice? Advice { get; }

    public string? Fault { get; }

    /// <summary>The style's advice when it is recommended.</summary>
    public StyleAdvice? Style(MassageStyle style)
    {
        if (Advice is null)
        {
            return null;
        }

        if (_searched)
        {
            return Advice.Styles.FirstOrDefault(s => s.Style == style);
        }

        var position = (int)(_stylePositions >> ((int)style * BitsPerStyle)) & 0xF;
        return position == 0 ? null : Advice.Styles[position - 1];
    }

    /// <summary>The style's contraindication when the advice has one.</summary>
    public Contraindication? Contraindication(MassageStyle style)
    {
        if (Advice is null)
        {
            return null;
        }

        if (_searched)
        {
            return Advice.Contraindications.FirstOrDefault(c => c.Style == style);
        }

        var position = (int)(_contraindicationPositions >> ((int)style * BitsPerStyle)) & 0xF;
        return position == 0 ? null : Advice.Contraindications[position - 1];
    }

    private static long Placed(long positions, MassageStyle style, int index)
    {
        var shift = (int)style * BitsPerStyle;
        return (positions & ~(0xFL << shift)) | ((long)(index + 1) << shift);
    }
}
