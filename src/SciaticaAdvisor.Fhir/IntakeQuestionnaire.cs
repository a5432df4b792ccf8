using Hl7.Fhir.Model;
using SciaticaAdvisor.Fhir.Intake;

namespace SciaticaAdvisor.Fhir;

/// <summary>The published intake form: a FHIR R4 <see cref="Questionnaire"/> with one item per profile field, and the <see cref="CodeSystem"/> of its answers.</summary>
/// <remarks>
/// Both are built from <see cref="Profiles.ProfileFields.All"/> and <see cref="PlainWords"/>, so a
/// new profile field or a reworded value reaches the form without a second list. Each call
/// returns a new resource the caller may change. Thread-safe.
/// </remarks>
public static class IntakeQuestionnaire
{
    /// <summary>The Questionnaire's canonical URL; a response names it in <c>questionnaire</c> (a <c>|version</c> suffix is ignored).</summary>
    public const string Url = FhirUrls.ProjectBase + "/Questionnaire/sciatica-intake";

    /// <summary>The canonical URL of the CodeSystem every <c>choice</c> answer's coding belongs to.</summary>
    public const string CodeSystemUrl = FhirUrls.ProjectBase + "/CodeSystem/sciatica-intake";

    /// <summary>The business version of the Questionnaire and its CodeSystem, raised whenever their items, codes or words change.</summary>
    public static string Version => "1.0.0";

    /// <summary>Builds the intake Questionnaire: status <c>active</c>, its items grouped the way an intake is asked.</summary>
    /// <returns>A new Questionnaire.</returns>
    public static Questionnaire Create() => new()
    {
        Id = "sciatica-intake",
        Url = Url,
        Version = Version,
        Name = "SciaticaIntake",
        Title = "Sciatica massage intake",
        Status = PublicationStatus.Active,
        Publisher = "SciaticaAdvisor contributors",
        Description = new Markdown("The questions a clinic asks before a massage for sciatica. The answers make the symptom profile from which SciaticaAdvisor gives its massage advice."),
        SubjectType = [ResourceType.Patient],
        Item = IntakeItems.Groups(),
    };

    /// <summary>Builds the CodeSystem of the intake's answers: every code with a plain-words display and definition.</summary>
    /// <returns>A new CodeSystem.</returns>
    public static CodeSystem CreateCodeSystem()
    {
        var concepts = IntakeCodes.All().Select(c => new CodeSystem.ConceptDefinitionComponent
        {
            Code = c.Code,
            Display = c.Display,
            Definition = c.Definition,
        }).ToList();
        return new CodeSystem
        {
            Id = "sciatica-intake",
            Url = CodeSystemUrl,
            Version = Version,
            Name = "SciaticaIntakeCodes",
            Title = "Sciatica massage intake answers",
            Status = PublicationStatus.Active,
            Publisher = "SciaticaAdvisor contributors",
            Description = new Markdown("The answers of the sciatica massage intake Questionnaire: causes, flare states, pressure tolerance, symptoms, warning signs, other conditions and massage styles."),
            CaseSensitive = true,
            Content = CodeSystemContentMode.Complete,
            Count = concepts.Count,
            Concept = concepts,
        };
    }
}
