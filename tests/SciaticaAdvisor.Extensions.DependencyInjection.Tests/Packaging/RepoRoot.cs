namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests.Packaging;

/// <summary>Finds the repository root from the test's output folder.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SciaticaAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SciaticaAdvisor.sln not found above " + AppContext.BaseDirectory);
    }
}
