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

    private CompiledRuleSet(ISessionFactory factory, List<RuleDefinition> rules, EffectiveSettings settings, RuleSetInfo info, ILogger logger, int cacheCapacity)
    {
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

    public ImmutableArray<RuleInfo> RuleInfos { get; }

    public ImmutableArray<RuleDefinition> Definitions { get; }

    public static CompiledRuleSet Compile(ImmutableArray<RuleSource> sources, ILoggerFactory? loggerFactory, int cacheCapacity)
    {
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("SciaticaAdvisor");
        var clock = Stopwatch.StartNew();
        var layers = sources.Select(s => RuleSetLoader.Load(s.ReadText(), s.Name)).ToList();
        var rules = RuleLayering.Combine(layers);
        var definitions = rules.Select(RuleModelBuilder.Build).ToList();
        var factory = new RuleCompiler().Compile(definitions);
        var info = Describe(layers);
        var compiled = new CompiledRuleSet(factory, rules, EffectiveSettings.From(layers), info, logger, cacheCapacity);
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
            if (_cache.TryGetFired(key, out var fired))
            {
                if (!_cache.TryGetAdvice(key, out advice))
                {
                    advice = Replay(profile, fired);
                    _cache.KeepAdvice(key, advice);
                }
            }
            else
            {
                advice = EvaluateChecked(profile, fact, out var sheet);
                _cache.Add(key, [.. sheet.Trace.Select(rule => _indexes[rule])], advice);
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

    private MassageAdvice Evaluate(SymptomProfile profile, ProfileFact fact, out AdviceSheet sheet)
    {
        sheet = new AdviceSheet(_settings);
        _sessions.Run(fact, sheet);
        return AdviceAssembler.Assemble(profile, sheet, Info);
    }

    /// <exception cref="RuleSetFaultException">The rules cannot give a coherent advice, or it breaks an invariant.</exception>
    private MassageAdvice EvaluateChecked(SymptomProfile profile, ProfileFact fact, out AdviceSheet sheet)
    {
        MassageAdvice advice;
        try
        {
            advice = Evaluate(profile, fact, out sheet);
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

    private MassageAdvice Replay(SymptomProfile profile, ushort[] fired)
    {
        var sheet = new AdviceSheet(_settings);
        foreach (var index in fired)
        {
            RuleFiring.Apply(Definitions[index], sheet, IgnoredFacts.Instance);
        }

        return AdviceAssembler.Assemble(profile, sheet, Info);
    }

    /// <summary>Where a replayed rule's facts go: nowhere, the rules they would trigger are already in the replay.</summary>
    private sealed class IgnoredFacts : IFactSink
    {
        public static readonly IgnoredFacts Instance = new();

        public void Insert(object fact)
        {
        }
    }

    private static RuleSetInfo Describe(List<RuleSetDocument> layers)
    {
        var infos = layers.Select(l => new RuleSetInfo { Name = l.Name, Version = l.Version, Sha256 = l.Sha256 }).ToImmutableArray();
        return infos.Length == 1 ? infos[0] : infos[^1] with { Layers = infos };
    }
}
