namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>The URLs of the FHIR extensions and code systems the package uses, and the project's own canonical base.</summary>
internal static class FhirUrls
{
    /// <summary>The base of the project's canonical URLs.</summary>
    public const string ProjectBase = "https://sciaticaadvisor.github.io/fhir";

    public const string MinValue = "http://hl7.org/fhir/StructureDefinition/minValue";

    public const string MaxValue = "http://hl7.org/fhir/StructureDefinition/maxValue";

    public const string ItemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    public const string ItemControlSystem = "http://hl7.org/fhir/questionnaire-item-control";

    public const string Loinc = "http://loinc.org";

    public const string Ucum = "http://unitsofmeasure.org";
}
