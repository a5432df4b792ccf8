using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Engine;

/// <summary>A rule set compiled into an NRules session factory; immutable and shared across threads.</summary>
internal sealed class CompiledRuleSet
{
    public required RuleSetInfo Info { get; init; }

    public required ImmutableArray<RuleInfo> RuleInfos { get; init; }

    public static CompiledRuleSet Compile(ImmutableArray<RuleSource> sources, ILoggerFactory? loggerFactory) =>
        throw new RuleSetException([new RuleSetError(sources[0].Name, 0, 0, "the rule engine is not built yet")]);

    public MassageAdvice Advise(SymptomProfile profile) => throw new NotSupportedException("the rule engine is not built yet");
}
