namespace SciaticaAdvisor.Cli.Testing;

/// <summary>Finds the scenario files <c>test</c> runs: each file given, each <c>*.yaml</c> in a folder given, and the built-in ones shipped beside the tool.</summary>
internal static class ScenarioFiles
{
    /// <summary>The built-in scenarios, copied from <c>rules/scenarios</c> into the tool's folder at build and pack time.</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "scenarios");

    /// <summary>The files in the order given, a folder's files by name.</summary>
    /// <exception cref="CommandFailure">A path is neither a file nor a folder, or a folder holds no scenario file: exit 2.</exception>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.yaml").Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: no *.yaml scenario file in '{path}'");
                }

                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: cannot read '{path}': no such file or folder");
            }
        }

        return files;
    }
}
