using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// What a row's advice columns hold, read out of one advice (or its fault) once: the codes, the style
/// order, the fired rules, each style's rank, score, pressure and contraindication, the counts, and the
/// row's outcome categories for the reports. One value serves every row of an input class
/// (<see cref="ClassMemo"/>): the advice of a class is byte-identical for all its profiles.
/// </summary>
/// <remarks>
/// Everything but the fired rules is an <see cref="Outcome"/> kept once per distinct value (few exist); the
/// fired rules are numbers (<see cref="FiredRules"/>). So a class costs the memo a reference and a slice a
/// variant, not the advice's 3 KB.
/// </remarks>
internal readonly record struct AdviceCells
{
    /// <summary>Slots for the styles, indexed by the enum's value.</summary>
    public static readonly int StyleSlots = Enum.GetValues<MassageStyle>().Max(s => (int)s) + 1;

    private AdviceCells(Outcome? outcome, string? fault, FiredRules fired)
    {
        Common = outcome;
        Fault = fault;
        Fired = fired;
    }

    /// <summary>Every cell but the fired rules, shared by every advice whose cells are the same; <see langword="null"/> for a fault.</summary>
    public Outcome? Common { get; }

    /// <summary>Whether the row has advice; when not, <see cref="Fault"/> says why and every other cell is null.</summary>
    public bool Advised => Common is not null;

    /// <summary>The variant's fault on the profile, as <see cref="Advisor.Advise"/> words it, or <see langword="null"/>.</summary>
    public string? Fault { get; }

    public string? Status => Common?.Status;

    public string? TopStyle => Common?.TopStyle;

    /// <summary>The recommended styles in rank order, <c>;</c>-joined (a string the run keeps).</summary>
    public string? Styles => Common?.Styles;

    public string? CurrentPhase => Common?.CurrentPhase;

    public string? ReferralUrgency => Common?.ReferralUrgency;

    /// <summary>The rules that fired, in firing order; none for a fault.</summary>
    public FiredRules Fired { get; }

    public int? AdjunctCount => Common?.AdjunctCount;

    public int? NoteCount => Common?.NoteCount;

    /// <summary>The row's category of each <see cref="OutcomeMeasure"/>, a byte each; 0 for a fault.</summary>
    public int Categories => Common?.Categories ?? 0;

    /// <summary>The cells of an advice: its outcome (kept once a distinct value) and its fired rules.</summary>
    public static AdviceCells Of(Outcome outcome, FiredRules fired) => new(outcome, null, fired);

    /// <summary>The cells of a row whose variant faulted on the profile.</summary>
    public static AdviceCells OfFault(string fault) => new(null, fault, default);

    /// <summary>The same cells with the fired rules' numbers at <paramref name="numbers"/> (a copy of them).</summary>
    public AdviceCells WithFired(ReadOnlyMemory<ushort> numbers) => new(Common, Fault, Fired with { Numbers = numbers });

    public int? Rank(MassageStyle style) => Common?.Style(style) is { Recommended: true } cell ? cell.Rank : null;

    public double? Score(MassageStyle style) => Common?.Style(style) is { Recommended: true } cell ? cell.Score : null;

    public string? Pressure(MassageStyle style) => Common?.Style(style) is { Recommended: true } cell ? ContractNames.NameOf((Advice.Pressure)cell.Pressure) : null;

    public string? Contraindication(MassageStyle style) => Common?.Style(style) is { Level: >= 0 } cell ? ContractNames.NameOf((ContraindicationLevel)cell.Level) : null;

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
