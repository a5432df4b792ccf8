namespace SciaticaAdvisor.Studies;

/// <summary>How far a study run is.</summary>
/// <param name="Profiles">Profiles advised so far (under every variant).</param>
/// <param name="Rows">Rows written so far.</param>
/// <param name="TotalProfiles">How many profiles the run will advise, when known.</param>
public readonly record struct StudyProgress(long Profiles, long Rows, long? TotalProfiles);
