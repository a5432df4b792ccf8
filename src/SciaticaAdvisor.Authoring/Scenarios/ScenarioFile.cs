using System.Collections.Immutable;

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
        var read = Files.BoundedFile.ReadText(path, MaxBytes, "scenario file");
        var text = read.Text ?? throw new ScenarioException(path, read.Line, read.Column, read.Problem!);
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
