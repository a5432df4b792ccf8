using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Advising;

/// <summary>What the commands advise with: the library's <see cref="Advisor"/>, or a stand-in in tests.</summary>
/// <remarks>Called from several threads at once by <c>batch</c>.</remarks>
internal interface IProfileAdvisor
{
    /// <summary>Which rule set advises: <c>batch</c> records it, so <c>--resume</c> never goes on with another.</summary>
    RuleSetInfo RuleSet { get; }

    MassageAdvice Advise(SymptomProfile profile);
}
