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

    private readonly Outcome? _outcome;

    private AdviceCells(string fault)
    {
        Fault = fault;
        Fired = NoRules;
    }

    private AdviceCells(Outcome outcome, string[] fired)
    {
        _outcome = outcome;
        Fired = fired;
    }

    /// <summary>Whether the row has advice; when not, <see cref="Fault"/> says why and every other cell is null.</summary>
    public bool Advised => _outcome is not null;

    /// <summary>The variant's fault on the profile, as <see cref="Advisor.Advise"/> words it, or <see langword="null"/>.</summary>
    public string? Fault { get; }

    public string? Status => _outcome?.Status;

    public string? TopStyle => _outcome?.TopStyle;

    /// <summary>The recommended styles in rank order, <c>;</c>-joined (a string the run keeps).</summary>
    public string? Styles => _outcome?.Styles;

    public string? CurrentPhase => _outcome?.CurrentPhase;

    public string? ReferralUrgency => _outcome?.ReferralUrgency;

    /// <summary>The ids of the rules that fired, in firing order.</summary>
    public string[] Fired { get; }

    public int? AdjunctCount => _outcome?.AdjunctCount;

    public int? NoteCount => _outcome?.NoteCount;

    /// <summary>The row's category of each <see cref="OutcomeMeasure"/>, a byte each; 0 for a fault.</summary>
    public int Categories => _outcome?.Categories ?? 0;

    /// <summary>
    /// The cells of an advice. <paramref name="sameFired"/>, an earlier variant's fired rules, is shared when
    /// this advice's are the same; everything but the fired rules is shared with every advice whose cells
    /// are the same (<paramref name="outcomes"/>), as few distinct ones exist.
    /// </summary>
    public static AdviceCells Of(MassageAdvice advice, StudyTexts texts, OutcomeTable outcomes, string[]? sameFired = null)
    {
        var fired = sameFired is not null && SameRules(sameFired, advice) ? sameFired : [.. advice.Trace.Select(e => e.RuleId)];
        return new AdviceCells(outcomes.Kept(new Outcome(advice, texts)), fired);
    }

    /// <summary>The cells of a row whose variant faulted on the profile.</summary>
    public static AdviceCells OfFault(string fault) => new(fault);

    public int? Rank(MassageStyle style) => _outcome?.Style(style) is { Recommended: true } cell ? cell.Rank : null;

    public double? Score(MassageStyle style) => _outcome?.Style(style) is { Recommended: true } cell ? cell.Score : null;

    public string? Pressure(MassageStyle style) => _outcome?.Style(style) is { Recommended: true } cell ? ContractNames.NameOf((Advice.Pressure)cell.Pressure) : null;

    public string? Contraindication(MassageStyle style) => _outcome?.Style(style) is { Level: >= 0 } cell ? ContractNames.NameOf((ContraindicationLevel)cell.Level) : null;

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
    internal readonly record struct StyleCell(bool Recommended, double Score, int Rank, sbyte Pressure, sbyte Level)
    {
        public static readonly StyleCell Absent = new(false, 0, 0, 0, -1);
    }

    /// <summary>Every advice cell but the fired rules, compared by value so that equal ones are kept once.</summary>
    internal sealed class Outcome : IEquatable<Outcome>
    {
        private readonly StyleCell[] _styles;
        private readonly int _hash;

        public Outcome(MassageAdvice advice, StudyTexts texts)
        {
            Status = ContractNames.NameOf(advice.Status);
            TopStyle = advice.Styles.IsEmpty ? null : ContractNames.NameOf(advice.Styles[0].Style);
            Styles = texts.Styles(advice.Styles);
            CurrentPhase = advice.Plan is { } plan ? ContractNames.NameOf(plan.CurrentPhase) : null;
            ReferralUrgency = advice.Referral is { } referral ? ContractNames.NameOf(referral.Urgency) : null;
            AdjunctCount = advice.Adjuncts.Length;
            NoteCount = advice.Notes.Length;
            _styles = new StyleCell[StyleSlots];
            _styles.AsSpan().Fill(StyleCell.Absent);

            // Backwards, so that were a style listed twice the first would be the one kept, as a search finds it.
            for (var i = advice.Styles.Length - 1; i >= 0; i--)
            {
                var style = advice.Styles[i];
                _styles[(int)style.Style] = _styles[(int)style.Style] with { Recommended = true, Rank = style.Rank, Score = style.Score, Pressure = (sbyte)style.Pressure };
            }

            for (var i = advice.Contraindications.Length - 1; i >= 0; i--)
            {
                var contraindication = advice.Contraindications[i];
                _styles[(int)contraindication.Style] = _styles[(int)contraindication.Style] with { Level = (sbyte)contraindication.Level };
            }

            for (var m = 0; m < OutcomeMeasure.All.Length; m++)
            {
                Categories |= OutcomeMeasure.All[m].Category(advice) << (m * 8);
            }

            var hash = new HashCode();
            hash.Add(Status);
            hash.Add(Styles);
            hash.Add(CurrentPhase);
            hash.Add(ReferralUrgency);
            hash.Add(AdjunctCount);
            hash.Add(NoteCount);
            foreach (var cell in _styles)
            {
                hash.Add(cell);
            }

            _hash = hash.ToHashCode();
        }

        public string Status { get; }

        public string? TopStyle { get; }

        public string Styles { get; }

        public string? CurrentPhase { get; }

        public string? ReferralUrgency { get; }

        public int AdjunctCount { get; }

        public int NoteCount { get; }

        public int Categories { get; }

        public StyleCell Style(MassageStyle style) => _styles[(int)style];

        public bool Equals(Outcome? other) =>
            other is not null && _hash == other._hash
            && Status == other.Status && TopStyle == other.TopStyle && Styles == other.Styles
            && CurrentPhase == other.CurrentPhase && ReferralUrgency == other.ReferralUrgency
            && AdjunctCount == other.AdjunctCount && NoteCount == other.NoteCount && Categories == other.Categories
            && _styles.AsSpan().SequenceEqual(other._styles);

        public override bool Equals(object? obj) => Equals(obj as Outcome);

        public override int GetHashCode() => _hash;
    }
}

/// <summary>The distinct <see cref="AdviceCells.Outcome"/>s of a run, each kept once; thread-safe, and bounded like <see cref="StudyTexts"/>.</summary>
internal sealed class OutcomeTable
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<AdviceCells.Outcome, AdviceCells.Outcome> _kept = new();
    private int _count;

    /// <summary>The kept outcome equal to <paramref name="outcome"/>, or <paramref name="outcome"/> itself (kept, while there is room).</summary>
    public AdviceCells.Outcome Kept(AdviceCells.Outcome outcome)
    {
        if (_kept.TryGetValue(outcome, out var kept))
        {
            return kept;
        }

        if (Volatile.Read(ref _count) >= StudyTexts.MaxEntries)
        {
            return outcome;
        }

        kept = _kept.GetOrAdd(outcome, outcome);
        if (ReferenceEquals(kept, outcome))
        {
            Interlocked.Increment(ref _count);
        }

        return kept;
    }
}
