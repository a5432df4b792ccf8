namespace SciaticaAdvisor.Studies;

/// <summary>A variant whose rules faulted on some profiles of a run.</summary>
/// <param name="Variant">The variant's name.</param>
/// <param name="Rows">How many of its rows are faults.</param>
/// <param name="FirstMessage">The first fault's message: it names the rule set and what broke, never the profile.</param>
public sealed record StudyFault(string Variant, long Rows, string FirstMessage);
