namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>Finds files of the repository, such as the samples, from the test's output folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SciaticaAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SciaticaAdvisor.sln not found above " + AppContext.BaseDirectory);
    });

    public static string PathOf(string relative) => Path.Combine(Root.Value, relative);
}
