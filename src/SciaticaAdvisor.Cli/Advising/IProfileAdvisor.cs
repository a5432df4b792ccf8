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

    /// <summary>Advises many profiles, each advice at its profile's index; throws as <see cref="Advise"/> does for the first profile that fails.</summary>
    /// <remarks>When it throws, the profiles without advice are the ones to advise one by one to learn what each one's failure is.</remarks>
    void AdviseMany(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice> advices)
    {
        for (var i = 0; i < profiles.Length; i++)
        {
            advices[i] = Advise(profiles[i]);
        }
    }
}
