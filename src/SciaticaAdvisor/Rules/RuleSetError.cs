namespace SciaticaAdvisor.Rules;

/// <summary>One thing wrong with a rule file, and where.</summary>
/// <param name="Source">The file name, or the name given to text loaded from memory.</param>
/// <param name="Line">The 1-based line, or 0 when the error concerns the whole file.</param>
/// <param name="Column">The 1-based column, or 0 when the error concerns the whole file.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record RuleSetError(string Source, int Line, int Column, string Message)
{
    /// <summary>Formats the error as <c>source:line:column: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    /// <remarks>Control characters in the source name are escaped, so a hostile file name cannot rewrite the terminal.</remarks>
    public override string ToString()
    {
        var source = Quote.Escape(Source);
        return Line > 0 ? $"{source}:{Line}:{Column}: {Message}" : $"{source}: {Message}";
    }
}
