using SciaticaAdvisor.Fhir;

namespace SciaticaAdvisor.AspNetCore;

/// <summary>The CDS Hooks service's fixed names: its id, its hook and its prefetch template.</summary>
public static class SciaticaCdsService
{
    /// <summary>The service id in discovery and in its URL (<c>/cds-services/sciatica-massage-advice</c>).</summary>
    public const string Id = "sciatica-massage-advice";

    /// <summary>The one hook the service answers.</summary>
    public const string Hook = "patient-view";

    /// <summary>The prefetch key of the intake.</summary>
    public const string PrefetchKey = "intake";

    /// <summary>The prefetch template: the patient's completed responses to the intake questionnaire, newest first.</summary>
    /// <remarks>The service runs the same search against <c>fhirServer</c> when the EHR did not prefetch.</remarks>
    public const string IntakeSearch =
        "QuestionnaireResponse?subject=Patient/{{context.patientId}}&questionnaire=" + IntakeQuestionnaire.Url + "&status=completed,amended&_sort=-authored";
}
