using Hl7.Fhir.Model;
using SciaticaAdvisor.Fhir.Reading;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir;

/// <summary>Reads a <see cref="QuestionnaireResponse"/> to the intake, or a search <see cref="Bundle"/> of them, into a <see cref="SymptomProfile"/>.</summary>
/// <remarks>
/// <para>
/// Answers are matched by <c>linkId</c> (at the top level or inside groups) and codings by
/// <c>system</c> and <c>code</c>. The profile then goes through the same validation as profile
/// JSON (<see cref="ProfileReader"/>), so a value is judged the same whichever door it came in by.
/// An unanswered optional item is "not given"; unanswered <c>diagnosisConfirmed</c> and
/// <c>clinicianApproved</c> are false.
/// </para>
/// <para>
/// Every problem is reported at once, each with a path that names the item by its linkId, wherever
/// it sits: <c>QuestionnaireResponse.item[linkId=painIntensity].answer[0]</c>, prefixed
/// <c>Bundle.entry[2].resource</c> inside a bundle, or <c>$</c> for the document as a whole. Errors
/// never quote the response's answers. Thread-safe; nothing throws for bad input.
/// </para>
/// </remarks>
public static class QuestionnaireResponseReader
{
    /// <summary>Reads a response, or a bundle of them (the most recent by <c>authored</c> of those to the intake with status <c>completed</c> or <c>amended</c>).</summary>
    /// <param name="resource">A <see cref="QuestionnaireResponse"/> or a <see cref="Bundle"/>, as a FHIR search returns it.</param>
    /// <returns>The profile, or every error found.</returns>
    public static ProfileReadResult Read(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource switch
        {
            QuestionnaireResponse response => ReadResponse(response, "QuestionnaireResponse"),
            Bundle bundle => ReadBundle(bundle),
            _ => ProfileReadResult.FromErrors([new("$", $"expected a QuestionnaireResponse or a Bundle of them, was {IndefiniteArticle(resource.TypeName)} {resource.TypeName}")]),
        };
    }

    // "an OperationOutcome", "a Patient": resource type names are English words.
    private static string IndefiniteArticle(string word) =>
        word.Length > 0 && "AEIOUaeiou".Contains(word[0]) ? "an" : "a";

    /// <summary>Parses FHIR JSON (UTF-8, at most 1 MiB) and reads it as <see cref="Read(Resource)"/> does.</summary>
    /// <param name="fhirJsonUtf8">The FHIR JSON document.</param>
    /// <returns>The profile, or every error found; a document that is not FHIR JSON gives errors, never an exception.</returns>
    public static ProfileReadResult Read(ReadOnlySpan<byte> fhirJsonUtf8)
    {
        var errors = new List<ProfileError>();
        var resource = FhirJsonInput.Parse(fhirJsonUtf8, errors);
        return resource is null ? ProfileReadResult.FromErrors(errors) : Read(resource);
    }

    /// <summary>Parses FHIR JSON text (at most 1 MiB) and reads it as <see cref="Read(Resource)"/> does.</summary>
    /// <param name="fhirJson">The FHIR JSON document.</param>
    /// <returns>The profile, or every error found; a document that is not FHIR JSON gives errors, never an exception.</returns>
    public static ProfileReadResult Read(string fhirJson)
    {
        ArgumentNullException.ThrowIfNull(fhirJson);
        var errors = new List<ProfileError>();
        var resource = FhirJsonInput.Parse(fhirJson, errors);
        return resource is null ? ProfileReadResult.FromErrors(errors) : Read(resource);
    }

    /// <summary>The response of a search bundle that would be read: the most recent by <c>authored</c> of those to the intake with status <c>completed</c> or <c>amended</c>.</summary>
    /// <param name="bundle">The search result.</param>
    /// <returns>The response, or <see langword="null"/> when the bundle holds no usable one (the person has no completed intake).</returns>
    public static QuestionnaireResponse? SelectResponse(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return ResponseSelection.MostRecent(bundle)?.Response;
    }

    private static ProfileReadResult ReadBundle(Bundle bundle)
    {
        var chosen = ResponseSelection.MostRecent(bundle);
        return chosen is { } found
            ? ReadResponse(found.Response, ResponsePaths.Entry(found.Index))
            : ProfileReadResult.FromErrors([new("Bundle.entry", ResponseSelection.WhyNone(bundle))]);
    }

    private static ProfileReadResult ReadResponse(QuestionnaireResponse response, string path)
    {
        var sheet = new AnswerSheet(path);
        if (response.Questionnaire is null)
        {
            sheet.AddResourceError($"{path}.questionnaire", $"is missing; expected {IntakeQuestionnaire.Url}");
        }
        else if (!ResponseSelection.IsIntake(response))
        {
            sheet.AddResourceError($"{path}.questionnaire", $"names another questionnaire; expected {IntakeQuestionnaire.Url}");
        }

        if (!ResponseSelection.IsFinal(response))
        {
            sheet.AddResourceError($"{path}.status", $"must be completed or amended, was {ResponseSelection.StatusName(response.Status)}");
        }

        sheet.Gather(response.Item, path);
        var read = ProfileReader.TryRead(sheet.ToProfileJson());
        var errors = sheet.Errors(read);
        return errors.Count == 0 ? read : ProfileReadResult.FromErrors(errors);
    }
}
