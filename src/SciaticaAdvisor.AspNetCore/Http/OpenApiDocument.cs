using System.Text.Json.Nodes;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.AspNetCore.Http;

/// <summary>The OpenAPI 3.1 document of the endpoints, its body schemas the library's own JSON Schemas (generated from the C# types).</summary>
/// <remarks>
/// Built from the same schemas the readers enforce, so the document accepts exactly what the
/// endpoints accept: <c>painIntensity</c> is an integer 0-10, unknown properties are refused.
/// </remarks>
internal static class OpenApiDocument
{
    private const string SchemaBase = "https://sciaticaadvisor.github.io/schemas/";

    public static string Create(string? serverUrl)
    {
        var document = new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "SciaticaAdvisor clinic service",
                ["version"] = typeof(OpenApiDocument).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
                ["description"] = "Massage advice for sciatica from a symptom profile or a FHIR intake response, and a CDS Hooks 2.0 service. Errors are RFC 9457 problem details with errors: [{ path, message }].",
            },
            ["paths"] = new JsonObject
            {
                ["/advice"] = Post("Advise", "Advises on one symptom profile; the answer is byte-identical to 'sciatica-advisor advise'.", "application/json", Ref("SymptomProfile"), "application/json", Ref("MassageAdvice"), secured: true),
                ["/advice/fhir"] = Post("AdviseFhir", "Advises on a FHIR R4 QuestionnaireResponse to the intake, or a search Bundle of them.", "application/fhir+json", FhirResource(), "application/json", Ref("MassageAdvice"), secured: true),
                ["/fhir/Questionnaire"] = Get("IntakeQuestionnaire", "The intake Questionnaire (FHIR R4).", "application/fhir+json", FhirResource()),
                ["/fhir/CodeSystem"] = Get("IntakeCodeSystem", "The CodeSystem of the intake's answer codes (FHIR R4).", "application/fhir+json", FhirResource()),
                ["/schemas/profile"] = Get("ProfileSchema", "The JSON Schema of a symptom profile.", "application/schema+json", new JsonObject { ["type"] = "object" }),
                ["/schemas/advice"] = Get("AdviceSchema", "The JSON Schema of an advice.", "application/schema+json", new JsonObject { ["type"] = "object" }),
                ["/cds-services"] = Get("CdsDiscovery", "CDS Hooks 2.0 discovery.", "application/json", new JsonObject { ["type"] = "object", ["required"] = new JsonArray("services") }),
                ["/cds-services/" + SciaticaCdsService.Id] = Post("CdsService", "CDS Hooks 2.0 service for the patient-view hook: cards with the massage advice.", "application/json", CdsRequest(), "application/json", new JsonObject { ["type"] = "object", ["required"] = new JsonArray("cards") }, secured: true),
                ["/cds-services/" + SciaticaCdsService.Id + "/feedback"] = Post("CdsFeedback", "CDS Hooks 2.0 feedback on cards.", "application/json", CdsFeedback(), null, null, secured: true),
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = new JsonObject
                {
                    ["SymptomProfile"] = Embedded(JsonSchemas.Profile, "profile.json"),
                    ["MassageAdvice"] = Embedded(JsonSchemas.Advice, "advice.json"),
                    ["ProblemDetails"] = Problem(),
                },
                ["securitySchemes"] = new JsonObject
                {
                    ["ehrJwt"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["bearerFormat"] = "JWT", ["description"] = "The EHR's signed JWT (CDS Hooks 2.0): a trusted iss, aud the called endpoint's URL, exp within 5 minutes, a unique jti." },
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key", ["description"] = "A configured API key (POST /advice and /advice/fhir only)." },
                },
            },
        };
        if (serverUrl is not null)
        {
            document["servers"] = new JsonArray(new JsonObject { ["url"] = serverUrl });
        }

        return document.ToJsonString();
    }

    private static JsonObject Embedded(string schema, string id)
    {
        // Its own $id, so the schema's internal references resolve inside it, not against the document.
        var node = JsonNode.Parse(schema)!.AsObject();
        node["$id"] = SchemaBase + id;
        return node;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/components/schemas/" + name };

    private static JsonObject FhirResource() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("resourceType"),
        ["properties"] = new JsonObject { ["resourceType"] = new JsonObject { ["enum"] = new JsonArray("QuestionnaireResponse", "Bundle", "Questionnaire", "CodeSystem") } },
        ["description"] = "A FHIR R4 resource in JSON.",
    };

    private static JsonObject CdsRequest() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("hook", "hookInstance", "context"),
        ["properties"] = new JsonObject
        {
            ["hook"] = new JsonObject { ["const"] = SciaticaCdsService.Hook },
            ["hookInstance"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" },
            ["fhirServer"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
            ["fhirAuthorization"] = new JsonObject
            {
                ["type"] = new JsonArray("object", "null"),
                ["required"] = new JsonArray("access_token", "token_type"),
                ["properties"] = new JsonObject { ["access_token"] = new JsonObject { ["type"] = "string" }, ["token_type"] = new JsonObject { ["const"] = "Bearer" } },
            },
            ["context"] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("patientId"),
                ["properties"] = new JsonObject { ["patientId"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9\\-\\.]{1,64}$" }, ["userId"] = new JsonObject { ["type"] = "string" } },
            },
            ["prefetch"] = new JsonObject
            {
                ["type"] = new JsonArray("object", "null"),
                ["properties"] = new JsonObject { [SciaticaCdsService.PrefetchKey] = new JsonObject { ["oneOf"] = new JsonArray(FhirResource(), new JsonObject { ["type"] = "null" }) } },
            },
        },
    };

    private static JsonObject CdsFeedback() => new()
    {
        ["type"] = "object",
        ["required"] = new JsonArray("feedback"),
        ["properties"] = new JsonObject
        {
            ["feedback"] = new JsonObject
            {
                ["type"] = "array",
                ["maxItems"] = 100,
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("card", "outcome", "outcomeTimestamp"),
                    ["properties"] = new JsonObject
                    {
                        ["card"] = new JsonObject { ["type"] = "string" },
                        ["outcome"] = new JsonObject { ["enum"] = new JsonArray("accepted", "overridden") },
                        ["outcomeTimestamp"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                    },
                },
            },
        },
    };

    private static JsonObject Problem() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["errors"] = new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("path", "message"),
                    ["properties"] = new JsonObject { ["path"] = new JsonObject { ["type"] = "string" }, ["message"] = new JsonObject { ["type"] = "string" } },
                },
            },
        },
    };

    private static JsonObject Get(string id, string summary, string type, JsonObject schema) => new()
    {
        ["get"] = new JsonObject
        {
            ["operationId"] = id,
            ["summary"] = summary,
            ["responses"] = new JsonObject { ["200"] = Content("OK", type, schema) },
        },
    };

    private static JsonObject Post(string id, string summary, string requestType, JsonObject request, string? responseType, JsonObject? response, bool secured)
    {
        var responses = new JsonObject
        {
            ["200"] = responseType is null ? new JsonObject { ["description"] = "OK" } : Content("OK", responseType, response!),
            ["400"] = ProblemResponse("The input is not valid: every error with its path."),
            ["408"] = ProblemResponse("The body did not arrive in time."),
            ["413"] = ProblemResponse("The body is over the limit (1 MiB by default)."),
            ["415"] = ProblemResponse("The body is not JSON."),
        };
        if (secured)
        {
            responses["401"] = ProblemResponse("No valid credentials.");
            responses["403"] = ProblemResponse("Anonymous call off loopback.");
        }

        var operation = new JsonObject
        {
            ["operationId"] = id,
            ["summary"] = summary,
            ["requestBody"] = new JsonObject { ["required"] = true, ["content"] = new JsonObject { [requestType] = new JsonObject { ["schema"] = request } } },
            ["responses"] = responses,
        };
        if (secured)
        {
            operation["security"] = id.StartsWith("Cds", StringComparison.Ordinal)
                ? new JsonArray(new JsonObject { ["ehrJwt"] = new JsonArray() })
                : new JsonArray(new JsonObject { ["ehrJwt"] = new JsonArray() }, new JsonObject { ["apiKey"] = new JsonArray() });
        }

        return new JsonObject { ["post"] = operation };
    }

    private static JsonObject Content(string description, string type, JsonObject schema) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { [type] = new JsonObject { ["schema"] = schema } },
    };

    private static JsonObject ProblemResponse(string description) => Content(description, "application/problem+json", Ref("ProblemDetails"));
}
