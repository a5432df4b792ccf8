using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.AspNetCore.CdsHooks;

/// <summary>The parts of a CDS Hooks 2.0 request the service uses, checked: the hook, its instance, the patient, the FHIR server and the prefetched intake.</summary>
/// <param name="HookInstance">The call's UUID.</param>
/// <param name="PatientId">The patient's FHIR id.</param>
/// <param name="FhirServer">The EHR's FHIR base URL, when given.</param>
/// <param name="AccessToken">The bearer token for <paramref name="FhirServer"/>, when given.</param>
/// <param name="Intake">The prefetched intake's FHIR JSON, or <see langword="null"/> when absent or null.</param>
/// <param name="PrefetchFailed">The EHR sent an <c>OperationOutcome</c> as <c>prefetch.intake</c>: CDS Hooks 2.0's way to say its prefetch failed, so that the service does not search again.</param>
internal sealed partial record CdsRequest(string HookInstance, string PatientId, Uri? FhirServer, string? AccessToken, byte[]? Intake, bool PrefetchFailed = false)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Reads a request; on failure, every error with its path and a short message, never quoting the request.</summary>
    public static (CdsRequest? Request, List<ProfileError> Errors) Parse(byte[] body)
    {
        var errors = new List<ProfileError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            errors.Add(new("$", $"not JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1})"));
            return (null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("$", "a CDS Hooks request must be a JSON object"));
                return (null, errors);
            }

            var hook = String(root, "hook");
            if (hook != SciaticaCdsService.Hook)
            {
                errors.Add(new("$.hook", hook is null ? $"required: '{SciaticaCdsService.Hook}'" : $"this service answers the '{SciaticaCdsService.Hook}' hook only"));
            }

            var instance = String(root, "hookInstance");
            if (instance is null || !Guid.TryParse(instance, out _))
            {
                errors.Add(new("$.hookInstance", "required: the call's UUID"));
            }

            string? patient = null;
            if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("$.context", "required: an object with patientId"));
            }
            else
            {
                patient = String(context, "patientId");
                if (patient is null || !FhirId().IsMatch(patient))
                {
                    errors.Add(new("$.context.patientId", "required: the patient's FHIR id (letters, digits, '-' and '.', at most 64)"));
                }
            }

            Uri? server = null;
            if (root.TryGetProperty("fhirServer", out var serverElement) && serverElement.ValueKind != JsonValueKind.Null)
            {
                if (serverElement.ValueKind != JsonValueKind.String
                    || !Uri.TryCreate(serverElement.GetString(), UriKind.Absolute, out server)
                    || (server.Scheme != Uri.UriSchemeHttps && server.Scheme != Uri.UriSchemeHttp)
                    || !string.IsNullOrEmpty(server.UserInfo))
                {
                    errors.Add(new("$.fhirServer", "must be the http or https base URL of the EHR's FHIR server"));
                    server = null;
                }
            }

            string? token = null;
            if (root.TryGetProperty("fhirAuthorization", out var authorization) && authorization.ValueKind != JsonValueKind.Null)
            {
                token = authorization.ValueKind == JsonValueKind.Object ? String(authorization, "access_token") : null;
                if (token is null || token.Length > 16 * 1024 || token.Any(char.IsControl))
                {
                    errors.Add(new("$.fhirAuthorization.access_token", "required in fhirAuthorization: the bearer token for fhirServer"));
                }
            }

            byte[]? intake = null;
            var prefetchFailed = false;
            if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind != JsonValueKind.Null)
            {
                if (prefetch.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new("$.prefetch", "must be an object"));
                }
                else if (prefetch.TryGetProperty(SciaticaCdsService.PrefetchKey, out var element) && element.ValueKind != JsonValueKind.Null)
                {
                    if (element.ValueKind == JsonValueKind.Object && String(element, "resourceType") == "OperationOutcome")
                    {
                        prefetchFailed = true;
                    }
                    else if (element.ValueKind == JsonValueKind.Object)
                    {
                        intake = JsonMarshal.GetRawUtf8Value(element).ToArray();
                    }
                    else
                    {
                        errors.Add(new("$.prefetch.intake", "must be a Bundle or a QuestionnaireResponse, or null"));
                    }
                }
            }

            return errors.Count > 0 ? (null, errors) : (new CdsRequest(instance!, patient!, server, token, intake, prefetchFailed), errors);
        }
    }

    private static string? String(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex FhirId();
}
