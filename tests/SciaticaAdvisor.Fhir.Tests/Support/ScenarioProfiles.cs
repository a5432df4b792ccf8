using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Fhir.Tests.Support;

/// <summary>The profiles of every scenario in <c>rules/scenarios/</c>, found by walking up to the solution.</summary>
internal static class ScenarioProfiles
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<(string Name, SymptomProfile Profile)> All() =>
        Directory.EnumerateFiles(Path.Combine(Root, "rules", "scenarios"), "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(path => ScenarioFile.Load(path).Scenarios)
            .Select(s => (s.ToString(), s.Profile));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SciaticaAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"SciaticaAdvisor.sln not found above {AppContext.BaseDirectory}");
    }
}
