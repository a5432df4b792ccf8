namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>A section of the intake form, in the order a receptionist asks it.</summary>
/// <param name="LinkId">The group item's <c>linkId</c>; never a profile field's name.</param>
/// <param name="Title">The section's heading.</param>
internal sealed record IntakeGroup(string LinkId, string Title)
{
    public static IntakeGroup Pain { get; } = new("aboutThePain", "About the pain");

    public static IntakeGroup Symptoms { get; } = new("currentSymptoms", "Symptoms");

    public static IntakeGroup WarningSigns { get; } = new("warningSigns", "Warning signs");

    public static IntakeGroup OtherConditions { get; } = new("otherConditions", "Other health conditions");

    public static IntakeGroup Wishes { get; } = new("wishes", "Wishes");

    public static IntakeGroup Clearance { get; } = new("clearance", "Diagnosis, approval and treatment so far");

    /// <summary>The sections in form order.</summary>
    public static IReadOnlyList<IntakeGroup> All { get; } = [Pain, Symptoms, WarningSigns, OtherConditions, Wishes, Clearance];
}
