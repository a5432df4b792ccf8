using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// What a row's advice columns hold, read out of one advice (or its fault) once: the codes, the style
/// order, the fired rules, each style's rank, score, pressure and contraindication, the counts, and the
/// row's outcome categories for the reports. Immutable, so one instance serves every row of an input
/// class (<see cref="ClassMemo"/>): the advice of a class is byte-identical for all its profiles.
/// </summary>
/// <remarks>
/// Kept small (about 250 bytes and the fired rules' ids, shared with an earlier variant's when the same):
/// a study keeps tens of thousands of these, not the advice (about 3 KB each).
/// </remarks>
internal sealed class AdviceCells
{
    /// <summary>Slots for the styles, indexed by the enum's value.</summary>
    public static readonly int StyleSlots = Enum.GetValues<MassageStyle>().Max(s => (int)s) + 1;

    private static readonly string[] NoRules = [];

    private readonly StyleCell[] _styles;

    private AdviceCells(string? fault)
    {
        Fault = fault;
        Fired = NoRules;
        _styles = [];
    }

    private AdviceCells(MassageAdvice advice, StudyTexts texts, string[]? sameFired)
    {
        Advised = true;
        Status = ContractNames.NameOf(advice.Status);
        TopStyle = advice.Styles.IsEmpty ? null : ContractNames.NameOf(advice.Styles[0].Style);
        Styles = texts.Styles(advice.Styles);
        CurrentPhase = advice.Plan is { } plan ? ContractNames.NameOf(plan.CurrentPhase) : null;
        ReferralUrgency = advice.Referral is { } referral ? ContractNames.NameOf(referral.Urgency) : null;
        Fired = sameFired is not null && SameRules(sameFired, advice) ? sameFired : [.. advice.Trace.Select(e => e.RuleId)];
        AdjunctCount = advice.Adjuncts.Length;
        NoteCount = advice.Notes.Length;
        _styles = new StyleCell[StyleSlots];
        for (var i = 0; i < _styles.Length; i++)
        {
            _styles[i] = StyleCell.Absent;
        }

        // Backwards, so that were a style listed twice the first would be the one kept, as a search finds it.
        for (var i = advice.Styles.Length - 1; i >= 0; i--)
        {
            var style = advice.Styles[i];
            var slot = (int)style.Style;
            _styles[slot] = _styles[slot] with { Recommended = true, Rank = style.Rank, Score = style.Score, Pressure = (sbyte)style.Pressure };
        }

        for (var i = advice.Contraindications.Length - 1; i >= 0; i--)
        {
            var contraindication = advice.Contraindications[i];
            var slot = (int)contraindication.Style;
            _styles[slot] = _styles[slot] with { Level = (sbyte)contraindication.Level };
        }

        for (var m = 0; m < OutcomeMeasure.All.Length; m++)
        {
            Categories |= OutcomeMeasure.All[m].Category(advice) << (m * 8);
        }
    }

    /// <summary>Whether the row has advice; when not, <see cref="Fault"/> says why and every other cell is null.</summary>
    public bool Advised { get; }

    /// <summary>The variant's fault on the profile, as <see cref="Advisor.Advise"/> words it, or <see langword="null"/>.</summary>
    public string? Fault { get; }

    public string? Status { get; }

    public string? TopStyle { get; }

    /// <summary>The recommended styles in rank order, <c>;</c>-joined (a string the run keeps).</summary>
    public string? Styles { get; }

    public string? CurrentPhase { get; }

    public string? ReferralUrgency { get; }

    /// <summary>The ids of the rules that fired, in firing order.</summary>
    public string[] Fired { get; }

    public int? AdjunctCount { get; }

    public int? NoteCount { get; }

    /// <summary>The row's category of each <see cref="OutcomeMeasure"/>, a byte each.</summary>
    public int Categories { get; }

    /// <summary>The cells of an advice; <paramref name="sameFired"/>, an earlier variant's fired rules, is shared when this advice's are the same.</summary>
    public static AdviceCells Of(MassageAdvice advice, StudyTexts texts, string[]? sameFired = null) => new(advice, texts, sameFired);

    /// <summary>The cells of a row whose variant faulted on the profile.</summary>
    public static AdviceCells OfFault(string fault) => new(fault);

    public int? Rank(MassageStyle style) => Advised && _styles[(int)style].Recommended ? _styles[(int)style].Rank : null;

    public double? Score(MassageStyle style) => Advised && _styles[(int)style].Recommended ? _styles[(int)style].Score : null;

    public string? Pressure(MassageStyle style) => Advised && _styles[(int)style].Recommended ? ContractNames.NameOf((Advice.Pressure)_styles[(int)style].Pressure) : null;

    public string? Contraindication(MassageStyle style) => Advised && _styles[(int)style].Level >= 0 ? ContractNames.NameOf((ContraindicationLevel)_styles[(int)style].Level) : null;

    private static bool SameRules(string[] fired, MassageAdvice advice)
    {
        if (fired.Length != advice.Trace.Length)
        {
            return false;
        }

        for (var i = 0; i < fired.Length; i++)
        {
            if (!string.Equals(fired[i], advice.Trace[i].RuleId, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One style's cells: rank, score and pressure when it is recommended; level -1 when it has no contraindication.</summary>
    private readonly record struct StyleCell(bool Recommended, double Score, int Rank, sbyte Pressure, sbyte Level)
    {
        public static readonly StyleCell Absent = new(false, 0, 0, 0, -1);
    }
}
