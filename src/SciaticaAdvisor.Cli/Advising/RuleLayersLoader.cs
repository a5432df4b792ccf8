using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Advising;

/// <summary>Builds the library's advisor from <c>--rules</c> layers: <c>@default</c> is the built-in set, anything else a file.</summary>
internal sealed class RuleLayersLoader : IAdvisorLoader
{
    public const string DefaultLayer = "@default";

    public IProfileAdvisor Load(IReadOnlyList<string> layers, bool single = false) =>
        new LibraryAdvisor(Build(layers, single ? 0 : AdvisorBuilder.DefaultCacheCapacity, quickStart: single));

    /// <summary>The library's advisor itself, for the commands that inspect a rule set rather than advise with it.</summary>
    /// <param name="layers">The <c>--rules</c> values.</param>
    /// <param name="cacheCapacity">How many advices the advisor keeps.</param>
    /// <param name="quickStart">Whether the advisor answers one profile and is gone: it is then built with <see cref="AdvisorBuilder.PreferQuickStart"/>.</param>
    /// <exception cref="SciaticaAdvisor.Rules.RuleSetException">A layer is missing, unreadable or does not load.</exception>
    public static Advisor Build(IReadOnlyList<string> layers, int cacheCapacity = AdvisorBuilder.DefaultCacheCapacity, bool quickStart = false)
    {
        var builder = new AdvisorBuilder().UseAdviceCache(cacheCapacity);
        if (quickStart)
        {
            builder.PreferQuickStart();
        }

        foreach (var layer in layers)
        {
            if (layer == DefaultLayer)
            {
                builder.UseDefaultRules();
            }
            else
            {
                builder.AddRuleFile(layer);
            }
        }

        return builder.Build();
    }

    private sealed class LibraryAdvisor(Advisor advisor) : IProfileAdvisor
    {
        public RuleSetInfo RuleSet => advisor.RuleSet;

        public MassageAdvice Advise(SymptomProfile profile) => advisor.Advise(profile);

        public void AdviseMany(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice> advices) => advisor.AdviseMany(profiles, advices);
    }
}
