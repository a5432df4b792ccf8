using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>
/// The profiles of the built-in scenarios (<c>rules/scenarios</c>, embedded in this package): a
/// reloaded rule set must advise each of them without a <see cref="RuleSetFaultException"/> before
/// it replaces the rule set that answers now.
/// </summary>
/// <remarks>
/// A fault is an advice that would break a GUIDANCE invariant (two placements no ranking can keep, a
/// pressure above light in an acute flare): whatever the rule set, no profile may meet one. The
/// scenarios cover every part of the guidance, so they find most such rule sets before a patient does.
/// </remarks>
internal static class ScenarioProbe
{
    private static readonly Lazy<IReadOnlyList<(string Scenario, SymptomProfile Profile)>> Profiles = new(ReadProfiles);

    /// <summary>The first built-in scenario the advisor faults on, and the fault; <see langword="null"/> when it faults on none.</summary>
    public static (string Scenario, string Fault)? FirstFault(Advisor advisor)
    {
        foreach (var (scenario, profile) in Profiles.Value)
        {
            try
            {
                advisor.Advise(profile);
            }
            catch (RuleSetFaultException ex)
            {
                return (scenario, ex.Fault);
            }
        }

        return null;
    }

    private static IReadOnlyList<(string, SymptomProfile)> ReadProfiles()
    {
        var assembly = typeof(ScenarioProbe).Assembly;
        var profiles = new List<(string, SymptomProfile)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var file = ScenarioFile.Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]);
            profiles.AddRange(file.Scenarios.Select(s => ($"{file.Source}: {s.Name}", s.Profile)));
        }

        return profiles;
    }

    private const string ResourcePrefix = "SciaticaAdvisor.Scenarios.";
}
