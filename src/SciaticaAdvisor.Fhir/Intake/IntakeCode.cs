using Hl7.Fhir.Model;

namespace SciaticaAdvisor.Fhir.Intake;

/// <summary>One code of the intake's CodeSystem: a contract value with its plain words.</summary>
/// <param name="Code">The contract's name of the value (<c>piriformisSyndrome</c>).</param>
/// <param name="Value">The enum value.</param>
internal sealed record IntakeCode(string Code, Enum Value)
{
    public string Display => PlainWords.Display(Value);

    public string Definition => PlainWords.Definition(Value);

    public Coding ToCoding() => new(IntakeQuestionnaire.CodeSystemUrl, Code, Display);
}
