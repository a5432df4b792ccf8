using SciaticaAdvisor.Profiles;

namespace ClinicIntakeApi.Advice;

/// <summary>RFC 9457 problem details for input the advisor cannot take.</summary>
internal static class ProfileProblems
{
    public const string InvalidProfileType = "https://sciatica-advisor.example/problems/invalid-profile";

    /// <summary>A 400 listing every error with its JSON path, so a form can mark each field.</summary>
    public static IResult Invalid(IEnumerable<ProfileError> errors, string pathPrefix = "$")
    {
        var list = errors.Select(e => new { path = pathPrefix + e.Path[1..], message = e.Message }).ToList();
        return Results.Problem(
            type: InvalidProfileType,
            title: "The symptom profile is not valid.",
            detail: $"{list.Count} error(s); each names the JSON path of the value that is wrong and what is allowed.",
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = list });
    }

    public static IResult TooLarge() => Results.Problem(
        title: "The request body is too large.",
        detail: $"At most {RequestBody.MaxBytes} bytes are accepted.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
