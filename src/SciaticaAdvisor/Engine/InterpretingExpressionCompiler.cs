using System.Linq.Expressions;
using NRules.Extensibility;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Hands NRules interpreted delegates instead of compiled ones. Every lambda NRules builds here is a
/// thin call into a condition or action object, so interpreting it costs little per call, while
/// compiling hundreds of them to IL dominated the time to load a rule set.
/// </summary>
internal sealed class InterpretingExpressionCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
}
