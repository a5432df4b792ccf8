using System.Linq.Expressions;
using NRules.Extensibility;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Turns the rules' condition and action lambdas into interpreted delegates instead of IL: NRules
/// hands every lambda of a rule set to its expression compiler (NRules' <c>RuleExpressionCompiler</c>),
/// and each compiled one is a dynamic method the JIT compiles with full optimisation, which no
/// ReadyToRun image can hold.
/// </summary>
/// <remarks>
/// For an advisor that advises a few profiles and is gone (<see cref="AdvisorBuilder.PreferQuickStart"/>):
/// building it costs a fraction, each advice costs more. Same delegates, same results.
/// </remarks>
internal sealed class InterpretingExpressionCompiler : IExpressionCompiler
{
    public static InterpretingExpressionCompiler Instance { get; } = new();

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
}
