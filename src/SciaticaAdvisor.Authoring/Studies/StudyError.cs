namespace SciaticaAdvisor.Studies;

/// <summary>One thing wrong with a study: in its file (with line and column), in a rule file of a variant, or in a population file.</summary>
/// <param name="Source">The file the error is in, as the study names it.</param>
/// <param name="Line">The 1-based line, or 0 when the error belongs to the file as a whole.</param>
/// <param name="Column">The 1-based column, or 0 with <paramref name="Line"/> 0 or for a line of a population file.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record StudyError(string Source, int Line, int Column, string Message)
{
    /// <summary>The error as <c>file:line:column: message</c>, the way compilers print them.</summary>
    /// <returns>The error as one line.</returns>
    public override string ToString() => (Line, Column) switch
    {
        ( > 0, > 0) => $"{Source}:{Line}:{Column}: {Message}",
        ( > 0, _) => $"{Source}:{Line}: {Message}",
        _ => $"{Source}: {Message}",
    };
}
