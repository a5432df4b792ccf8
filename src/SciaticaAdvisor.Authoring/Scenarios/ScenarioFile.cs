using System.Collections.Immutable;
using System.Text;

namespace SciaticaAdvisor.Scenarios;

/// <summary>A file of clinical scenarios: <c>scenarios:</c> followed by a list of scenarios (see <c>docs/scenarios.md</c>).</summary>
public sealed record ScenarioFile
{
    /// <summary>The largest scenario file accepted, in bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The file name, or the name given to text loaded from memory.</summary>
    public required string Source { get; init; }

    /// <summary>The scenarios, in file order.</summary>
    public required ImmutableArray<Scenario> Scenarios { get; init; }

    /// <summary>Loads and checks a scenario file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The scenarios.</returns>
    /// <exception cref="ScenarioException">The file is missing, unreadable or not a valid scenario file.</exception>
    public static ScenarioFile Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string text;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ScenarioException(path, 0, 0, "the scenario file does not exist");
            }

            if (info.Length > MaxBytes)
            {
                throw new ScenarioException(path, 0, 0, $"the scenario file is {info.Length} bytes; at most {MaxBytes} are allowed");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioException(path, 0, 0, $"the scenario file cannot be read: {ex.Message}");
        }

        return Parse(text, path);
    }

    /// <summary>Parses and checks scenario YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name errors and scenarios give the text, such as a file name.</param>
    /// <returns>The scenarios.</returns>
    /// <exception cref="ScenarioException">The text is not a valid scenario file.</exception>
    public static ScenarioFile Parse(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        return new ScenarioFile { Source = sourceName, Scenarios = new ScenarioParser(sourceName).ParseFile(yaml) };
    }
}
