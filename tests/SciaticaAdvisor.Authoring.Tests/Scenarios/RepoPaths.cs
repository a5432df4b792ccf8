namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Finds the repository's files from the test output folder by walking up to SciaticaAdvisor.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ScenarioDirectory => Path.Combine(Root, "rules", "scenarios");

    public static string DefaultRuleFile => Path.Combine(Root, "rules", "sciatica-massage.yaml");

    public static IEnumerable<string> ScenarioFiles =>
        Directory.EnumerateFiles(ScenarioDirectory, "*.yaml").Order(StringComparer.Ordinal);

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
