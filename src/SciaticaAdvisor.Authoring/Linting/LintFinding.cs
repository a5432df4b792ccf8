namespace SciaticaAdvisor.Linting;

/// <summary>One thing the linter found in a rule set.</summary>
/// <param name="Severity">How much it matters.</param>
/// <param name="Code">A stable code for the kind of finding, such as <c>never-fires</c>.</param>
/// <param name="RuleId">The rule concerned, or <see langword="null"/> when the finding concerns the whole set.</param>
/// <param name="Source">The rule file.</param>
/// <param name="Line">The 1-based line of the rule, or 0.</param>
/// <param name="Message">What was found, in plain words.</param>
public sealed record LintFinding(LintSeverity Severity, string Code, string? RuleId, string Source, int Line, string Message)
{
    /// <summary>Formats the finding as <c>source:line: severity code: message</c>.</summary>
    /// <returns>The formatted finding.</returns>
    public override string ToString() =>
        $"{Source}{(Line > 0 ? $":{Line}" : "")}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
