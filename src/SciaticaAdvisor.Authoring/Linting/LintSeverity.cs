namespace SciaticaAdvisor.Linting;

/// <summary>How much a lint finding matters, from least to most.</summary>
public enum LintSeverity
{
    /// <summary>Worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>Probably a mistake; the rule set still works.</summary>
    Warning,

    /// <summary>A mistake: part of the rule set can never work as written.</summary>
    Error,
}
