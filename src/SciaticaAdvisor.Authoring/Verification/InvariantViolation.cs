using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Verification;

/// <summary>An invariant a rule set breaks, with the smallest profile found that shows it.</summary>
/// <param name="Problem">Which invariant broke and how, or the rule-set fault raised.</param>
/// <param name="Profile">The smallest profile found that shows it (fewest set values).</param>
/// <param name="Occurrences">How many of the checked profiles show it.</param>
public sealed record InvariantViolation(string Problem, SymptomProfile Profile, long Occurrences);
