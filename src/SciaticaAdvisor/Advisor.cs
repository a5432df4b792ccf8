using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor;

/// <summary>Turns symptom profiles into massage advice with a compiled rule set.</summary>
/// <remarks>
/// Immutable and thread-safe: build one (with <see cref="CreateDefault"/> or an
/// <see cref="AdvisorBuilder"/>) and share it; each call to <see cref="Advise"/> runs in its own
/// short-lived engine session, and <see cref="AdviseMany(ReadOnlySpan{SymptomProfile})"/> shares one
/// session among a few dozen profiles.
/// </remarks>
public sealed class Advisor
{
    /// <summary>How many profiles <see cref="AdviseMany(ReadOnlySpan{SymptomProfile})"/> runs through one engine session.</summary>
    /// <remarks>
    /// Measured (under load, as thread CPU ratios, docs/performance.md "The engine per advice, fifth
    /// round"): a session shared by more profiles spreads the session's own work over more of them;
    /// since the facts the rules insert go in together and the rules testing only facts no longer
    /// join every profile, the joins grow little with the chunk, and 96 to 256 cost the same.
    /// </remarks>
    internal const int DefaultChunkSize = 128;

    private readonly Engine.CompiledRuleSet _rules;

    private Advisor(Engine.CompiledRuleSet rules) => _rules = rules;

    /// <summary>Which rule set this advisor uses.</summary>
    public RuleSetInfo RuleSet => _rules.Info;

    /// <summary>Every rule this advisor uses, in firing-priority order.</summary>
    public ImmutableArray<RuleInfo> Rules => _rules.RuleInfos;

    /// <summary>Creates an advisor with the built-in default rule set.</summary>
    /// <returns>The advisor.</returns>
    public static Advisor CreateDefault() => new AdvisorBuilder().Build();

    /// <summary>Advises on one profile.</summary>
    /// <param name="profile">The symptom profile.</param>
    /// <returns>The advice.</returns>
    /// <exception cref="ProfileValidationException">The profile breaks the contract's ranges.</exception>
    /// <exception cref="RuleSetFaultException">The rule set produced advice that breaks an invariant.</exception>
    public MassageAdvice Advise(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = ProfileReader.Validate(profile);
        if (!errors.IsEmpty)
        {
            throw new ProfileValidationException(errors);
        }

        return _rules.Advise(profile);
    }

    /// <summary>Advises on many profiles at once, faster than one <see cref="Advise"/> call each.</summary>
    /// <param name="profiles">The symptom profiles.</param>
    /// <returns>The advice of each profile, in input order: byte for byte what <see cref="Advise"/> gives it.</returns>
    /// <remarks>
    /// Profiles whose input class the advisor has cached are answered from the cache; the others run
    /// through one engine session per few dozen profiles, which saves most of the engine's per-session
    /// work. Thread-safe, like <see cref="Advise"/>. Nothing is returned when a profile fails: the
    /// exception is the one <see cref="Advise"/> throws for the first failing profile in input order,
    /// and the other profiles' advice is cached, so advising them one by one afterwards is cheap.
    /// </remarks>
    /// <exception cref="ProfileValidationException">A profile breaks the contract's ranges (the first such profile; nothing is advised).</exception>
    /// <exception cref="RuleSetFaultException">The rule set produced advice that breaks an invariant for a profile.</exception>
    public ImmutableArray<MassageAdvice> AdviseMany(ReadOnlySpan<SymptomProfile> profiles)
    {
        var advices = new MassageAdvice[profiles.Length];
        AdviseMany(profiles, advices, DefaultChunkSize);
        return ImmutableCollectionsMarshal.AsImmutableArray(advices);
    }

    /// <summary>Advises on many profiles at once into the caller's span, faster than one <see cref="Advise"/> call each.</summary>
    /// <param name="profiles">The symptom profiles.</param>
    /// <param name="advices">Where the advices go, at their profile's index; at least as long as <paramref name="profiles"/>.</param>
    /// <remarks>
    /// What <see cref="AdviseMany(ReadOnlySpan{SymptomProfile})"/> does, without allocating the result.
    /// When it throws a <see cref="RuleSetFaultException"/>, the profiles that did not fail have their
    /// advice in <paramref name="advices"/> and the ones that failed have null.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="advices"/> is shorter than <paramref name="profiles"/>.</exception>
    /// <exception cref="ProfileValidationException">A profile breaks the contract's ranges (the first such profile; nothing is advised).</exception>
    /// <exception cref="RuleSetFaultException">The rule set produced advice that breaks an invariant for a profile.</exception>
    public void AdviseMany(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice> advices) =>
        AdviseMany(profiles, advices, DefaultChunkSize);

    /// <summary><see cref="AdviseMany(ReadOnlySpan{SymptomProfile}, Span{MassageAdvice})"/> with the engine session's chunk size chosen, for tests and benchmarks.</summary>
    internal void AdviseMany(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice> advices, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        if (advices.Length < profiles.Length)
        {
            throw new ArgumentException($"The span for the advices holds {advices.Length}, fewer than the {profiles.Length} profiles.", nameof(advices));
        }

        foreach (var profile in profiles)
        {
            ArgumentNullException.ThrowIfNull(profile, nameof(profiles));
            var errors = ProfileReader.Validate(profile);
            if (!errors.IsEmpty)
            {
                throw new ProfileValidationException(errors);
            }
        }

        var faults = ArrayPool<Exception?>.Shared.Rent(profiles.Length);
        try
        {
            var found = faults.AsSpan(0, profiles.Length);
            found.Clear();
            _rules.AdviseMany(profiles, advices, found, check: true, chunkSize);
            foreach (var fault in found)
            {
                if (fault is not null)
                {
                    ExceptionDispatchInfo.Throw(fault);
                }
            }
        }
        finally
        {
            Array.Clear(faults, 0, profiles.Length);
            ArrayPool<Exception?>.Shared.Return(faults);
        }
    }

    /// <summary>The loaded rules, for <see cref="Rules.Inspection.RuleSetInspection"/>.</summary>
    internal ImmutableArray<Rules.Language.RuleDefinition> Definitions => _rules.Definitions;

    internal Engine.EffectiveSettings Settings => _rules.Settings;

    /// <summary>The arrays and joined strings the rule set's advices share, for a replay of its rules (the inspection) to assemble with.</summary>
    internal Engine.AdviceParts Parts => _rules.Parts;

    /// <summary>Advises without checking the invariants, for <see cref="Rules.Inspection.RuleSetInspection.AdviseUnchecked(SymptomProfile)"/>.</summary>
    internal MassageAdvice AdviseUnchecked(SymptomProfile profile) => _rules.Evaluate(profile);

    /// <summary>Advises many valid profiles without checking the invariants, for <see cref="Rules.Inspection.RuleSetInspection.AdviseUnchecked(ReadOnlySpan{SymptomProfile}, Span{MassageAdvice}, Span{RuleSetFaultException})"/>.</summary>
    /// <remarks>A rule set fault is kept at its profile's index; any other failure is thrown, as the one-profile call throws it.</remarks>
    internal void AdviseManyUnchecked(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice?> advices, Span<RuleSetFaultException?> faults)
    {
        var found = ArrayPool<Exception?>.Shared.Rent(profiles.Length);
        var all = new MassageAdvice[profiles.Length];
        try
        {
            var kept = found.AsSpan(0, profiles.Length);
            kept.Clear();
            _rules.AdviseMany(profiles, all, kept, check: false, DefaultChunkSize);
            for (var i = 0; i < profiles.Length; i++)
            {
                advices[i] = all[i];
                faults[i] = kept[i] as RuleSetFaultException;
                if (kept[i] is { } other && faults[i] is null)
                {
                    ExceptionDispatchInfo.Throw(other);
                }
            }
        }
        finally
        {
            Array.Clear(found, 0, profiles.Length);
            ArrayPool<Exception?>.Shared.Return(found);
        }
    }

    internal static Advisor Compile(ImmutableArray<RuleSource> sources, ILoggerFactory? loggerFactory, int cacheCapacity, bool quickStart = false) =>
        new(Engine.CompiledRuleSet.Compile(sources, loggerFactory, cacheCapacity, quickStart));
}
