using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor;

/// <summary>Turns symptom profiles into massage advice with a compiled rule set.</summary>
/// <remarks>
/// Immutable and thread-safe: build one (with <see cref="CreateDefault"/> or an
/// <see cref="AdvisorBuilder"/>) and share it; each call to <see cref="Advise"/> runs in its own
/// short-lived engine session.
/// </remarks>
public sealed class Advisor
{
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

    /// <summary>The loaded rules, for <see cref="Rules.Inspection.RuleSetInspection"/>.</summary>
    internal ImmutableArray<Rules.Language.RuleDefinition> Definitions => _rules.Definitions;

    internal Engine.EffectiveSettings Settings => _rules.Settings;

    /// <summary>Advises without checking the invariants, for <see cref="Rules.Inspection.RuleSetInspection.AdviseUnchecked"/>.</summary>
    internal MassageAdvice AdviseUnchecked(SymptomProfile profile) => _rules.Evaluate(profile);

    internal static Advisor Compile(ImmutableArray<RuleSource> sources, ILoggerFactory? loggerFactory, int cacheCapacity) =>
        new(Engine.CompiledRuleSet.Compile(sources, loggerFactory, cacheCapacity));
}
