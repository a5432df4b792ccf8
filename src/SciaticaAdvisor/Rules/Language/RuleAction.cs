using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>What a rule does when it fires: a closed set of actions that only write to the advice sheet or assert facts.</summary>
/// <remarks>Data only: the engine interprets them (Engine/RuleFiring), as NRules keeps its rule model free of behaviour.</remarks>
internal abstract record RuleAction;

/// <summary>Makes the style a candidate and adds to its score.</summary>
internal sealed record RecommendAction(MassageStyle Style, double Score, string? Rationale) : RuleAction;

/// <summary>Advises against the style: avoid removes it, caution lowers its score.</summary>
internal sealed record ContraindicateAction(MassageStyle Style, ContraindicationLevel Level, string Reason) : RuleAction;

/// <summary>Caps the pressure of the listed styles.</summary>
internal sealed record CapPressureAction(Pressure Max, IReadOnlyList<MassageStyle> Styles) : RuleAction;

/// <summary>Adds focus areas to the listed styles.</summary>
internal sealed record FocusAction(IReadOnlyList<MassageStyle> Styles, int AreaMask) : RuleAction;

/// <summary>Advises a therapy beside massage.</summary>
internal sealed record AdjunctAction(AdjunctTherapy Therapy, string Reason) : RuleAction;

/// <summary>Refers the person to a doctor.</summary>
internal sealed record ReferAction(ReferralUrgency Urgency, string Reason) : RuleAction;

/// <summary>Adds a note for the person or the therapist.</summary>
internal sealed record NoteAction(string Text) : RuleAction;

/// <summary>Sets the plan's current phase; the most intensive phase set wins.</summary>
internal sealed record PhaseAction(PlanPhase Phase) : RuleAction;

/// <summary>Asserts a fact other rules can test.</summary>
internal sealed record DeriveAction(string Name) : RuleAction;

/// <summary>A placement the ranking must keep, whatever the scores.</summary>
internal sealed record PlaceAction(Placement Placement) : RuleAction;
