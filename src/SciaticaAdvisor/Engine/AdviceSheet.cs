using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>What the fired rules wrote during one advice: mutable, owned by one session, then assembled into the advice.</summary>
/// <remarks>
/// The assembler copies out all it takes, so once a profile's advice is assembled its sheet can be
/// emptied (<see cref="Reset"/>) and written for another profile, its lists keeping their room: a
/// chunk's sheets are reused from chunk to chunk, and from call to call (about 2.2 KB an advice, <c>docs/performance.md</c>, sixth round).
/// </remarks>
internal sealed class AdviceSheet
{
    /// <summary>How many styles there are: the sheet's style slots are indexed by the enum's value.</summary>
    public static readonly int StyleCount = Enum.GetValues<MassageStyle>().Length;

    public AdviceSheet(EffectiveSettings settings) => Settings = settings;

    public EffectiveSettings Settings { get; }

    /// <summary>The rules that fired, in order; sized for a sampled profile's 16 or so without growing.</summary>
    public List<RuleDefinition> Trace { get; } = new(24);

    /// <summary>The facts the rules asserted into the session.</summary>
    public List<object> Asserted { get; } = [];

    /// <summary>Where the facts the rules insert wait for their flush rule, in a chunk session; null in a session of its own.</summary>
    public FactBatch? Batch { get; set; }

    /// <summary>The names of the facts derived so far; few, so a list.</summary>
    private List<string>? _derived;

    /// <summary>Runs waiting for their turn (<see cref="RuleFiring.FireDeferred"/>), highest priority first.</summary>
    private List<DeferredRun>? _deferred;

    /// <summary>The adjuncts so far, by therapy ascending; null until the first.</summary>
    private List<(AdjunctTherapy Therapy, ReasonedEntry Entry)>? _adjuncts;

    /// <summary>Keeps runs to fire at their turn.</summary>
    public void Defer(DeferredRun[] runs)
    {
        _deferred ??= new List<DeferredRun>(8);
        foreach (var run in runs)
        {
            var at = _deferred.Count;
            while (at > 0 && _deferred[at - 1].Priority < run.Priority)
            {
                at--;
            }

            _deferred.Insert(at, run);
        }
    }

    /// <summary>Takes the highest deferred run if its priority is above <paramref name="above"/>.</summary>
    public DeferredRun? NextDeferred(int above)
    {
        if (_deferred is not { Count: > 0 } deferred || deferred[0].Priority <= above)
        {
            return null;
        }

        var next = deferred[0];
        deferred.RemoveAt(0);
        return next;
    }

    /// <summary>Notes that a rule derived the fact <paramref name="name"/>; whether it is the first derivation of that name for this profile.</summary>
    /// <remarks>
    /// Rules test whether a fact of a name exists, never how many: only the first derivation goes into
    /// the session, so every fact pattern matches at most one fact and a later derivation costs the
    /// engine nothing (see <see cref="RuleModelBuilder"/>).
    /// </remarks>
    public bool Derive(string name)
    {
        _derived ??= [];
        if (_derived.Contains(name))
        {
            return false;
        }

        _derived.Add(name);
        return true;
    }

    public StyleEntry[] Styles { get; } = NewStyles();

    /// <summary>The adjuncts advised, in the therapies' order (the enum's values ascending); few, so a list kept in order.</summary>
    public IReadOnlyList<(AdjunctTherapy Therapy, ReasonedEntry Entry)> Adjuncts => _adjuncts is { } adjuncts ? adjuncts : [];

    public ReasonedEntry? Referral { get; private set; }

    // The referral's entry, kept emptied through a reset so that a reused sheet refers without a new one.
    private ReasonedEntry? _referralEntry;

    public ReferralUrgency Urgency { get; private set; } = ReferralUrgency.Routine;

    public List<string> Notes { get; } = [];

    public PlanPhase? Phase { get; private set; }

    public List<Placement> Placements { get; } = [];

    /// <summary>Empties the sheet, as a new one is, for another profile's advice; the lists keep their room.</summary>
    /// <remarks>Only once the advice of the sheet's last profile is assembled, and no session that wrote it fires again.</remarks>
    public void Reset()
    {
        Trace.Clear();
        Asserted.Clear();
        Batch = null;
        _derived?.Clear();
        _deferred?.Clear();
        _adjuncts?.Clear();
        foreach (var style in Styles)
        {
            style.Reset();
        }

        Referral?.Clear();
        Referral = null;
        Urgency = ReferralUrgency.Routine;
        Notes.Clear();
        Phase = null;
        Placements.Clear();
    }

    private static StyleEntry[] NewStyles()
    {
        var styles = new StyleEntry[StyleCount];
        for (var i = 0; i < styles.Length; i++)
        {
            styles[i] = new StyleEntry();
        }

        return styles;
    }

    public void Recommend(MassageStyle style, double score, string? rationale, string ruleId)
    {
        var entry = Styles[(int)style];
        entry.Recommended = true;
        entry.Score += score;
        if (!string.IsNullOrWhiteSpace(rationale) && !entry.Rationale.Contains(rationale))
        {
            entry.Rationale.Add(rationale);
        }

        entry.AddRule(ruleId);
    }

    /// <summary>Records a contraindication; returns true the first time the style is avoided.</summary>
    public bool Contraindicate(MassageStyle style, ContraindicationLevel level, string reason, string ruleId)
    {
        var entry = Styles[(int)style];
        var firstAvoid = level == ContraindicationLevel.Avoid && entry.Level != ContraindicationLevel.Avoid;
        entry.Level = entry.Level is { } current && current > level ? current : level;
        entry.Contraindication.Add(reason, ruleId);
        if (level == ContraindicationLevel.Caution)
        {
            entry.AddRule(ruleId);
        }

        return firstAvoid;
    }

    public void CapPressure(MassageStyle style, Pressure max, string ruleId)
    {
        var entry = Styles[(int)style];
        if (entry.Cap is null || max < entry.Cap)
        {
            entry.Cap = max;
        }

        if (max < Settings.NaturalPressure(style))
        {
            entry.AddRule(ruleId);
        }
    }

    public void Focus(MassageStyle style, int areaMask, string ruleId)
    {
        var entry = Styles[(int)style];
        entry.FocusMask |= areaMask;
        entry.AddRule(ruleId);
    }

    public void AddAdjunct(AdjunctTherapy therapy, string reason, string ruleId)
    {
        var adjuncts = _adjuncts ??= new(2);
        var at = 0;
        while (at < adjuncts.Count && adjuncts[at].Therapy < therapy)
        {
            at++;
        }

        if (at == adjuncts.Count || adjuncts[at].Therapy != therapy)
        {
            adjuncts.Insert(at, (therapy, new ReasonedEntry()));
        }

        adjuncts[at].Entry.Add(reason, ruleId);
    }

    public void Refer(ReferralUrgency urgency, string reason, string ruleId)
    {
        Referral ??= _referralEntry ??= new ReasonedEntry();
        Referral.Add(reason, ruleId);
        if (urgency < Urgency)
        {
            Urgency = urgency;
        }
    }

    public void AddNote(string text)
    {
        if (!Notes.Contains(text))
        {
            Notes.Add(text);
        }
    }

    public void SetPhase(PlanPhase phase)
    {
        if (Phase is null || phase < Phase)
        {
            Phase = phase;
        }
    }

    public void Place(Placement placement)
    {
        Placements.Add(placement);
        for (var i = 0; i < placement.Styles.Count; i++)
        {
            Styles[(int)placement.Styles[i]].AddRule(placement.RuleId);
        }
    }

    /// <summary>What the rules said about one style.</summary>
    internal sealed class StyleEntry
    {
        public bool Recommended { get; set; }

        public double Score { get; set; }

        public List<string> Rationale { get; } = [];

        public List<string> RuleIds { get; } = [];

        public ContraindicationLevel? Level { get; set; }

        private ReasonedEntry? _contraindication;

        /// <summary>Why the style is contraindicated; made on first use, as most styles never are.</summary>
        public ReasonedEntry Contraindication => _contraindication ??= new();

        public Pressure? Cap { get; set; }

        public int FocusMask { get; set; }

        /// <summary>Empties the entry, as a new one is (<see cref="AdviceSheet.Reset"/>).</summary>
        public void Reset()
        {
            Recommended = false;
            Score = 0;
            Rationale.Clear();
            RuleIds.Clear();
            Level = null;
            _contraindication?.Clear();
            Cap = null;
            FocusMask = 0;
        }

        public void AddRule(string ruleId)
        {
            if (!RuleIds.Contains(ruleId))
            {
                RuleIds.Add(ruleId);
            }
        }
    }

    /// <summary>Reasons and the rules that gave them, in firing order, each once.</summary>
    internal sealed class ReasonedEntry
    {
        public List<string> Reasons { get; } = [];

        public List<string> RuleIds { get; } = [];

        public void Clear()
        {
            Reasons.Clear();
            RuleIds.Clear();
        }

        public void Add(string reason, string ruleId)
        {
            if (!Reasons.Contains(reason))
            {
                Reasons.Add(reason);
            }

            if (!RuleIds.Contains(ruleId))
            {
                RuleIds.Add(ruleId);
            }
        }
    }
}
