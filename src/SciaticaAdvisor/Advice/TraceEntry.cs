namespace SciaticaAdvisor.Advice;

/// <summary>One rule that fired.</summary>
/// <param name="RuleId">The rule's stable id.</param>
/// <param name="Name">The rule's human-readable name.</param>
public sealed record TraceEntry(string RuleId, string Name);
