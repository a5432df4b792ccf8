namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>How the intake form asks for one profile field.</summary>
/// <param name="Group">The section the question sits in.</param>
/// <param name="Text">The question, as the receptionist reads it out.</param>
/// <param name="Help">What to ask or look for, in plain words.</param>
internal sealed record IntakeQuestion(IntakeGroup Group, string Text, string Help);
