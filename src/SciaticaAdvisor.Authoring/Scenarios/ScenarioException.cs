namespace SciaticaAdvisor.Scenarios;

/// <summary>Thrown when a scenario file does not load: bad YAML, an unknown key or value, or a profile that is not valid.</summary>
/// <remarks>The message reads <c>source:line:column: problem</c>, so an editor can jump to it.</remarks>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name, or the name given to text loaded from memory.</param>
    /// <param name="line">The 1-based line, or 0 when the problem concerns the whole file.</param>
    /// <param name="column">The 1-based column, or 0 when the problem concerns the whole file.</param>
    /// <param name="problem">What is wrong and what is allowed.</param>
    public ScenarioException(string source, int line, int column, string problem)
        : base(line > 0 ? $"{source}:{line}:{column}: {problem}" : $"{source}: {problem}")
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file name, or the name given to text loaded from memory.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line, or 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>The 1-based column, or 0 when the problem concerns the whole file.</summary>
    public int Column { get; }

    /// <summary>What is wrong and what is allowed, without the position.</summary>
    public string Problem { get; }
}
