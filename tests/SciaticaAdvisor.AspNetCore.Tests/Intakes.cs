using System.Text.Json.Nodes;
using SciaticaAdvisor.Fhir;

namespace SciaticaAdvisor.AspNetCore.Tests;

/// <summary>QuestionnaireResponses to the intake as an EHR stores them, and search Bundles of them; built from one valid baseline.</summary>
internal static class Intakes
{
    /// <summary>The contract's example person: piriformis syndrome, no flare, low sensitivity, pain 6, buttock pain, cleared.</summary>
    public static JsonObject Response(
        string cause = "piriformisSyndrome",
        string flare = "none",
        string sensitivity = "low",
        int intensity = 6,
        string[]? symptoms = null,
        string[]? redFlags = null,
        bool? diagnosed = true,
        bool? approved = true,
        string status = "completed",
        string authored = "2026-11-30T10:00:00Z")
    {
        var items = new JsonArray
        {
            Coded("cause", cause),
            Coded("flare", flare),
            Coded("painSensitivity", sensitivity),
            new JsonObject { ["linkId"] = "painIntensity", ["answer"] = new JsonArray(new JsonObject { ["valueInteger"] = intensity }) },
        };
        if ((symptoms ?? ["buttockPain", "worseWhenSitting"]) is { Length: > 0 } s)
        {
            items.Add(Coded("symptoms", s));
        }

        if (redFlags is { Length: > 0 })
        {
            items.Add(Coded("redFlags", redFlags));
        }

        if (diagnosed is { } d)
        {
            items.Add(new JsonObject { ["linkId"] = "diagnosisConfirmed", ["answer"] = new JsonArray(new JsonObject { ["valueBoolean"] = d }) });
        }

        if (approved is { } a)
        {
            items.Add(new JsonObject { ["linkId"] = "clinicianApproved", ["answer"] = new JsonArray(new JsonObject { ["valueBoolean"] = a }) });
        }

        return new JsonObject
        {
            ["resourceType"] = "QuestionnaireResponse",
            ["questionnaire"] = IntakeQuestionnaire.Url,
            ["status"] = status,
            ["authored"] = authored,
            ["subject"] = new JsonObject { ["reference"] = "Patient/p1" },
            ["item"] = items,
        };
    }

    public static JsonObject Bundle(params JsonObject[] responses) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "searchset",
        ["total"] = responses.Length,
        ["entry"] = new JsonArray([.. responses.Select(r => (JsonNode)new JsonObject { ["fullUrl"] = "urn:uuid:" + Guid.NewGuid(), ["resource"] = r })]),
    };

    public static JsonObject CdsRequest(JsonNode? intake, string hook = "patient-view", string? fhirServer = null, string? accessToken = null, bool prefetch = true)
    {
        var request = new JsonObject
        {
            ["hook"] = hook,
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/7", ["patientId"] = "p1" },
        };
        if (prefetch)
        {
            request["prefetch"] = new JsonObject { ["intake"] = intake };
        }

        if (fhirServer is not null)
        {
            request["fhirServer"] = fhirServer;
        }

        if (accessToken is not null)
        {
            request["fhirAuthorization"] = new JsonObject { ["access_token"] = accessToken, ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "patient/QuestionnaireResponse.read", ["subject"] = "sciatica-advisor" };
        }

        return request;
    }

    private static JsonObject Coded(string linkId, params string[] codes) => new()
    {
        ["linkId"] = linkId,
        ["answer"] = new JsonArray([.. codes.Select(c => (JsonNode)new JsonObject { ["valueCoding"] = new JsonObject { ["system"] = IntakeQuestionnaire.CodeSystemUrl, ["code"] = c } })]),
    };
}
