using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NRules;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Rules.Loading;

namespace SciaticaAdvisor.Engine;

/// <summary>A rule set compiled into an NRules session factory; immutable and shared across threads.</summary>
internal sealed class CompiledRuleSet
{
    private readonly SessionPool _sessions;
    private readonly EffectiveSettings _settings;
    private readonly ILogger _logger;
    private readonly AdviceInstruments _instruments;
    private readonly AdviceCache? _cache;
    private readonly Dictionary<RuleDefinition, ushort> _indexes;
    private readonly FactFlushPlan _plan;
    private readonly AdviceParts _parts = new();

    // Chunks given back by finished calls, their sheets with them: batch and sweep call with a few dozen
    // profiles at a time, often one engine chunk, so a chunk's sheets are reused across calls too.
    private readonly ConcurrentBag<Chunk> _chunks = [];
    private int _chunksKept;

    // The runs of rules that always fire and insert no fact: not in the engine, deferred on every sheet it advises.
    private readonly DeferredRun[] _unconditional;

    private CompiledRuleSet(ISessionFactory factory, List<RuleDefinition> rules, EffectiveSettings settings, RuleSetInfo info, ILogger logger, int cacheCapacity, FactFlushPlan plan, DeferredRun[] unconditional)
    {
        _plan = plan;
        _unconditional = unconditional;
        var classifier = cacheCapacity > 0 ? ProfileClassifier.For(rules.Where(r => r.When is not null).Select(r => r.When!)) : null;
        _cache = classifier is null || rules.Count > ushort.MaxValue ? null : new AdviceCache(classifier, cacheCapacity);
        _indexes = new Dictionary<RuleDefinition, ushort>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < rules.Count && _cache is not null; i++)
        {
            _indexes[rules[i]] = (ushort)i;
        }

        _sessions = new SessionPool(factory);
        _settings = settings;
        _logger = logger;
        Info = info;
        _instruments = new AdviceInstruments(info.Name);
        Definitions = [.. rules];
        RuleInfos = [.. rules.Select(r => new RuleInfo(r.Id, r.Name, r.Guidance, r.Source))];
    }

    public RuleSetInfo Info { get; }

    public EffectiveSettings Settings => _settings;

    /// <summary>The arrays and joined strings this rule set's advices share.</summary>
    public AdviceParts Parts => _parts;

    public ImmutableArray<RuleInfo> RuleInfos { get; }

    public ImmutableArray<RuleDefinition> Definitions { get; }

    public static CompiledRuleSet Compile(ImmutableArray<RuleSource> sources, ILoggerFactory? loggerFactory, int cacheCapacity, bool quickStart = false)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("SciaticaAdvisor");
        var clock = Stopwatch.StartNew();
        var layers = sources.Select(s => RuleSetLoader.Load(s.ReadText(), s.Name, s.Sha256)).ToList();
        var rules = RuleLayering.Combine(layers).ConvertAll(RuleFiring.WithPlacementsOwned);
        var definitions = RuleModelBuilder.BuildAll(rules, joinOnProfile: true, out var plan, out var unconditional);
        var compiler = new RuleCompiler();
        if (quickStart)
        {
            compiler.ExpressionCompiler = InterpretingExpressionCompiler.Instance;
        }

        var factory = compiler.Compile(definitions);
        var info = Describe(layers);
        var compiled = new CompiledRuleSet(factory, rules, EffectiveSettings.From(layers), info, logger, cacheCapacity, plan, unconditional);
        AdvisorLog.RuleSetLoaded(logger, info.Name, info.Version, info.Sha256, rules.Count, clock.Elapsed.TotalMilliseconds);
        return compiled;
    }

    public MassageAdvice Advise(SymptomProfile profile)
    {
        var debug = _logger.IsEnabled(LogLevel.Debug);
        var clock = debug || AdviceInstruments.Timed ? Stopwatch.GetTimestamp() : 0;
        var fact = new ProfileFact(profile);
        MassageAdvice advice;
        if (_cache is null)
        {
            advice = EvaluateChecked(profile, fact, out _);
        }
        else
        {
            // A class advised before gets its advice, or its rules replayed without the engine: either
            // is what the engine gave the first profile of the class, already checked.
            var key = _cache.KeyOf(fact);
            if (_cache.TryGet(key, out var fired, out var kept))
            {
                advice = kept ?? ReplayOnKeptSheet(profile, fired);
            }
            else
            {
                advice = EvaluateChecked(profile, fact, out var sheet);
                Keep(key, sheet, advice);
            }
        }

        if (debug)
        {
            var milliseconds = Stopwatch.GetElapsedTime(clock).TotalMilliseconds;
            AdvisorLog.AdviceProduced(_logger, advice.Status, advice.Trace.Length, milliseconds);
        }

        _instruments.Advised(advice, clock);
        return advice;
    }

    /// <summary>Runs the rules and assembles the advice without checking the invariants.</summary>
    /// <exception cref="RuleSetFaultException">The placements cannot all be kept, or no rule set the phase.</exception>
    public MassageAdvice Evaluate(SymptomProfile profile) => Evaluate(profile, new ProfileFact(profile), out _);

    /// <summary>
    /// Advises many profiles: what <see cref="Advise"/> (or, unchecked, <see cref="Evaluate(SymptomProfile)"/>)
    /// gives each one, byte for byte, with the input classes not yet cached run through one engine
    /// session per chunk of <paramref name="chunkSize"/>.
    /// </summary>
    /// <param name="profiles">Valid profiles.</param>
    /// <param name="advices">Gets each profile's advice at its index, or null where it faulted.</param>
    /// <param name="faults">Gets, at the index of each profile that faulted, what <see cref="Advise"/> would have thrown for it.</param>
    /// <param name="check">Whether to check the invariants and use the cache, as <see cref="Advise"/> does.</param>
    /// <param name="chunkSize">How many profiles share one engine session.</param>
    public void AdviseMany(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice> advices, Span<Exception?> faults, bool check, int chunkSize)
    {
        var clock = _logger.IsEnabled(LogLevel.Debug) || AdviceInstruments.Timed ? Stopwatch.GetTimestamp() : 0;
        var cache = check ? _cache : null;
        var size = Math.Min(chunkSize, profiles.Length);
        var chunk = RentChunk(size);

        // Profiles of one class seen earlier in the call wait for its first profile's advice.
        var firstOfClass = cache is null ? null : chunk.FirstOfClass;
        var repeats = chunk.Repeats;
        for (var i = 0; i < profiles.Length; i++)
        {
            var fact = new ProfileFact(profiles[i]);
            var key = 0L;
            if (cache is not null)
            {
                key = cache.KeyOf(fact);
                if (cache.TryGet(key, out var fired, out var kept))
                {
                    advices[i] = kept ?? Replay(profiles[i], fired, chunk.ReplaySheet);
                    continue;
                }

                if (!firstOfClass!.TryAdd(key, i))
                {
                    repeats.Add((i, firstOfClass[key]));
                    continue;
                }
            }

            chunk.Add(i, fact, key);
            if (chunk.Count == size)
            {
                Run(chunk, profiles, advices, faults, check);
                chunk.Clear();
            }
        }

        Run(chunk, profiles, advices, faults, check);
        foreach (var (index, first) in repeats)
        {
            if (faults[first] is null)
            {
                advices[index] = advices[first];
            }
            else
            {
                Single(profiles[index], new ProfileFact(profiles[index]), key: null, out advices[index], out faults[index]);
            }
        }

        ReturnChunk(chunk);
        if (check)
        {
            Record(advices[..profiles.Length], clock);
        }
    }

    /// <summary>A kept chunk of at least <paramref name="size"/> places, or a new one.</summary>
    private Chunk RentChunk(int size)
    {
        if (_chunks.TryTake(out var kept))
        {
            Interlocked.Decrement(ref _chunksKept);
            if (kept.Capacity >= size)
            {
                return kept;
            }
        }

        return new Chunk(size, _settings);
    }

    /// <summary>Keeps a chunk for another call, up to two a core (as <see cref="SessionPool"/> keeps sessions); its profiles' facts are let go.</summary>
    private void ReturnChunk(Chunk chunk)
    {
        chunk.ClearCall();
        if (Interlocked.Increment(ref _chunksKept) <= SessionPool.MaxKept)
        {
            _chunks.Add(chunk);
        }
        else
        {
            Interlocked.Decrement(ref _chunksKept);
        }
    }

    /// <summary>Runs a chunk's profiles through one session and finishes each one's advice; a session that throws is run again profile by profile.</summary>
    private void Run(Chunk chunk, ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice> advices, Span<Exception?> faults, bool check)
    {
        if (chunk.Count == 0)
        {
            return;
        }

        // A chunk of one gains nothing from holding facts back, and saves the flush rules' activations.
        var batch = _plan.Levels.Count > 0 && chunk.Count > 1 ? new FactBatch(_plan) : null;
        for (var k = 0; k < chunk.Count; k++)
        {
            // The sheets of the chunk before are free again: their advices are assembled, their session dropped.
            chunk.InSession[k] = new SessionProfile(chunk.Facts[k], EngineSheet(batch, chunk.Sheets[k]));
            chunk.Sheets[k] = chunk.InSession[k].Sheet;
        }

        try
        {
            _sessions.RunChunk(new ArraySegment<SessionProfile>(chunk.InSession, 0, chunk.Count), batch);
        }
#pragma warning disable CA1031 // Not swallowed: each profile is run on its own, so exactly the one that throws gets what Advise throws.
        catch (Exception)
#pragma warning restore CA1031
        {
            for (var k = 0; k < chunk.Count; k++)
            {
                var index = chunk.Indexes[k];
                Single(profiles[index], chunk.Facts[k], check ? chunk.Keys[k] : null, out advices[index], out faults[index], check);
            }

            return;
        }

        for (var k = 0; k < chunk.Count; k++)
        {
            var index = chunk.Indexes[k];
            var sheet = chunk.InSession[k].Sheet;
            chunk.InSession[k] = null!;
            try
            {
                advices[index] = check ? Checked(profiles[index], sheet) : AdviceAssembler.Assemble(profiles[index], sheet, Info, _parts);
                Remember(check ? chunk.Keys[k] : null, sheet, advices[index]);
            }
#pragma warning disable CA1031 // Kept for the caller, who gets it as Advise would have thrown it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                advices[index] = null!;
                faults[index] = ex;
            }
        }
    }

    /// <summary>One profile through its own pooled session, as <see cref="Advise"/> runs a class it has not cached.</summary>
    private void Single(SymptomProfile profile, ProfileFact fact, long? key, out MassageAdvice advice, out Exception? fault, bool check = true)
    {
        fault = null;
        try
        {
            advice = check ? EvaluateChecked(profile, fact, out var sheet) : Evaluate(profile, fact, out sheet);
            Remember(key, sheet, advice);
        }
#pragma warning disable CA1031 // Kept for the caller, who gets it as Advise would have thrown it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            advice = null!;
            fault = ex;
        }
    }

    private void Remember(long? key, AdviceSheet sheet, MassageAdvice advice)
    {
        if (key is { } k && _cache is not null)
        {
            Keep(k, sheet, advice);
        }
    }

    /// <summary>Keeps a class's fired rules (their indexes, in firing order) and its advice.</summary>
    private void Keep(long key, AdviceSheet sheet, MassageAdvice advice)
    {
        var count = sheet.Trace.Count;
        Span<ushort> fired = count <= 256 ? stackalloc ushort[count] : new ushort[count];
        for (var i = 0; i < fired.Length; i++)
        {
            fired[i] = _indexes[sheet.Trace[i]];
        }

        _cache!.Add(key, fired, advice);
    }

    /// <summary>Logs and counts a call's advices, each given an equal share of the call's time.</summary>
    private void Record(Span<MassageAdvice> advices, long clock)
    {
        var debug = _logger.IsEnabled(LogLevel.Debug);
        var milliseconds = clock == 0 || advices.IsEmpty ? -1 : Stopwatch.GetElapsedTime(clock).TotalMilliseconds / advices.Length;
        foreach (var advice in advices)
        {
            if (advice is null)
            {
                continue;
            }

            if (debug)
            {
                AdvisorLog.AdviceProduced(_logger, advice.Status, advice.Trace.Length, milliseconds);
            }

            _instruments.Advised(advice, milliseconds);
        }
    }

    /// <summary>A sheet for the engine to write, new or <paramref name="reused"/> emptied: the rules the engine leaves out wait on it for their turn.</summary>
    private AdviceSheet EngineSheet(FactBatch? batch = null, AdviceSheet? reused = null)
    {
        reused?.Reset();
        var sheet = reused ?? new AdviceSheet(_settings);
        sheet.Batch = batch;
        if (_unconditional.Length > 0)
        {
            sheet.Defer(_unconditional);
        }

        return sheet;
    }

    private MassageAdvice Evaluate(SymptomProfile profile, ProfileFact fact, out AdviceSheet sheet)
    {
        sheet = EngineSheet();
        _sessions.Run(new SessionProfile(fact, sheet));
        return AdviceAssembler.Assemble(profile, sheet, Info, _parts);
    }

    /// <exception cref="RuleSetFaultException">The rules cannot give a coherent advice, or it breaks an invariant.</exception>
    private MassageAdvice EvaluateChecked(SymptomProfile profile, ProfileFact fact, out AdviceSheet sheet)
    {
        sheet = EngineSheet();
        try
        {
            _sessions.Run(new SessionProfile(fact, sheet));
        }
        catch (RuleSetFaultException)
        {
            _instruments.Faulted();
            throw;
        }

        return Checked(profile, sheet);
    }

    /// <summary>Assembles a sheet the engine wrote and checks the advice against the invariants.</summary>
    /// <exception cref="RuleSetFaultException">The rules cannot give a coherent advice, or it breaks an invariant.</exception>
    private MassageAdvice Checked(SymptomProfile profile, AdviceSheet sheet)
    {
        MassageAdvice advice;
        try
        {
            advice = AdviceAssembler.Assemble(profile, sheet, Info, _parts);
        }
        catch (RuleSetFaultException)
        {
            _instruments.Faulted();
            throw;
        }

        var violations = AdviceInvariants.Check(profile, advice);
        if (!violations.IsEmpty)
        {
            AdvisorLog.RuleSetFault(_logger, Info.Name, Info.Version, violations.Length);
            _instruments.Faulted();
            throw new RuleSetFaultException(AdviceAssembler.Describe(Info), "the advice breaks invariant " + string.Join("; ", violations));
        }

        return advice;
    }

    /// <summary><see cref="Replay"/> on the sheet of a kept chunk, which goes back to be kept again.</summary>
    private MassageAdvice ReplayOnKeptSheet(SymptomProfile profile, ReadOnlySpan<ushort> fired)
    {
        var chunk = RentChunk(1);
        try
        {
            return Replay(profile, fired, chunk.ReplaySheet);
        }
        finally
        {
            ReturnChunk(chunk);
        }
    }

    /// <summary>The advice of a class's fired rules, their actions applied to <paramref name="sheet"/>, emptied first, in firing order.</summary>
    /// <remarks>The assembler copies out all it takes, so the sheet is free again once this returns.</remarks>
    private MassageAdvice Replay(SymptomProfile profile, ReadOnlySpan<ushort> fired, AdviceSheet sheet)
    {
        sheet.Reset();
        foreach (var index in fired)
        {
            RuleFiring.Apply(Definitions[index], sheet, IgnoredFacts.Instance);
        }

        return AdviceAssembler.Assemble(profile, sheet, Info, _parts);
    }

    /// <summary>Where a replayed rule's facts go: nowhere, the rules they would trigger are already in the replay.</summary>
    private sealed class IgnoredFacts : IFactSink
    {
        public static readonly IgnoredFacts Instance = new();

        public void Insert(object fact)
        {
        }
    }

    /// <summary>The profiles waiting for one engine session: their index in the call, fact and class.</summary>
    private sealed class Chunk(int size, EffectiveSettings settings)
    {
        public int Capacity => size;

        public int[] Indexes { get; } = new int[size];

        public ProfileFact[] Facts { get; } = new ProfileFact[size];

        public long[] Keys { get; } = new long[size];

        /// <summary>The facts with their sheets, as the chunk's session holds them; reused from chunk to chunk.</summary>
        public SessionProfile[] InSession { get; } = new SessionProfile[size];

        /// <summary>The sheets of the chunk before, emptied and written again by the next (<see cref="AdviceSheet.Reset"/>).</summary>
        public AdviceSheet?[] Sheets { get; } = new AdviceSheet?[size];

        /// <summary>The sheet the call's cached classes are replayed on, one after the other.</summary>
        public AdviceSheet ReplaySheet { get; } = new(settings);

        /// <summary>The index of the first profile of each class not cached, in the call.</summary>
        public Dictionary<long, int> FirstOfClass { get; } = [];

        /// <summary>The profiles of a class seen earlier in the call, with that first one's index.</summary>
        public List<(int Index, int First)> Repeats { get; } = [];

        public int Count { get; private set; }

        public void Add(int index, ProfileFact fact, long key)
        {
            Indexes[Count] = index;
            Facts[Count] = fact;
            Keys[Count] = key;
            Count++;
        }

        /// <summary>
        /// Empties the chunk for the next profiles; the facts are let go, the sheets kept. A chunk whose
        /// session threw still holds its facts in <see cref="InSession"/>, which the pool would keep for
        /// the advisor's life: a profile's values, so they are let go too.
        /// </summary>
        public void Clear()
        {
            Array.Clear(Facts, 0, Count);
            Array.Clear(InSession, 0, Count);
            Count = 0;
        }

        /// <summary>Empties the chunk and what the call kept beside it, for another call.</summary>
        /// <remarks>
        /// A kept chunk lives as long as its advisor, so the room one large call made (a dictionary entry
        /// for each of a million profiles) is given back rather than kept: at most <see cref="KeptRoom"/> each.
        /// </remarks>
        public void ClearCall()
        {
            Clear();
            FirstOfClass.Clear();
            if (FirstOfClass.EnsureCapacity(0) > KeptRoom)
            {
                FirstOfClass.TrimExcess(KeptRoom);
            }

            Repeats.Clear();
            if (Repeats.Capacity > KeptRoom)
            {
                Repeats.Capacity = KeptRoom;
            }

            ReplaySheet.Reset();
        }

        /// <summary>The most entries of room <see cref="ClearCall"/> keeps in the call's dictionary and list.</summary>
        public const int KeptRoom = 1024;
    }

    private static RuleSetInfo Describe(List<RuleSetDocument> layers)
    {
        var infos = layers.Select(l => new RuleSetInfo { Name = l.Name, Version = l.Version, Sha256 = l.Sha256 }).ToImmutableArray();
        return infos.Length == 1 ? infos[0] : infos[^1] with { Layers = infos };
    }
}
