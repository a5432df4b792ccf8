using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>A run of rules that shares an NRules rule with an earlier run and fires later, at its own priority (<see cref="RuleModelBuilder.Groups"/>).</summary>
/// <param name="Priority">The NRules priority the run's first rule has on its own.</param>
/// <param name="Rules">The run's rules, in firing order.</param>
internal sealed record DeferredRun(int Priority, RuleDefinition[] Rules);
