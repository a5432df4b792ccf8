using System.Text.Json;
using Hl7.Fhir.Model;
using SciaticaAdvisor.Cli.Input;
using SciaticaAdvisor.Fhir;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Fhir;

/// <summary>Reads the one document a <c>fhir</c> command works on, with the same 1 MiB cap and file errors as <c>advise</c>.</summary>
internal static class FhirInput
{
    public static byte[] ReadBytes(CliContext context, string? path) =>
        path is null or "-" ? ProfileInput.ReadStandardInput(context.In) : ProfileInput.ReadFile(path);

    /// <summary>Reads a QuestionnaireResponse, or a search Bundle of them, into a profile.</summary>
    /// <exception cref="CommandFailure">Unreadable, or not a usable response: each error as <c>path: message</c>.</exception>
    public static SymptomProfile ReadResponse(byte[] document) => OrFail(QuestionnaireResponseReader.Read(document));

    /// <summary>Reads a profile: the contract's JSON, or FHIR (a document whose top level has <c>resourceType</c>).</summary>
    /// <exception cref="CommandFailure">Not a valid profile or response: each error as <c>path: message</c>.</exception>
    public static SymptomProfile ReadProfileOrResponse(byte[] document) =>
        IsFhir(document) ? ReadResponse(document) : OrFail(ProfileReader.TryRead(document));

    /// <summary>A <c>--subject</c> value as a reference: <c>Patient/123</c> or an absolute URL.</summary>
    public static ResourceReference? Subject(string? value) => value is null ? null : new ResourceReference(value);

    private static SymptomProfile OrFail(ProfileReadResult read) =>
        read.IsValid ? read.Profile : throw new CommandFailure(ExitCodes.Invalid, [.. read.Errors.Select(e => e.ToString())]);

    /// <summary>Whether the document's top-level object names a <c>resourceType</c>; a document that is not JSON is left to the profile reader to report.</summary>
    private static bool IsFhir(byte[] document)
    {
        var reader = new Utf8JsonReader(document, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("resourceType"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
