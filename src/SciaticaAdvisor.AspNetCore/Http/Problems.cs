using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.AspNetCore.Http;

/// <summary>RFC 9457 problem details for everything the endpoints refuse, with <c>errors: [{ path, message }]</c>.</summary>
/// <remarks>
/// A problem never carries request content beyond a JSON path and a short message: messages are cut
/// to <see cref="MaxMessageLength"/> characters with control characters escaped, and at most
/// <see cref="MaxErrors"/> errors are listed, so the body stays small whatever was sent.
/// </remarks>
internal static class Problems
{
    public const int MaxMessageLength = 200;
    public const int MaxErrors = 50;
    private const string TypeBase = "https://github.com/SciaticaAdvisor/SciaticaAdvisor/blob/main/docs/clinic-service.md#problem-";

    public static IResult InvalidProfile(IEnumerable<ProfileError> errors, string title = "The symptom profile is not valid.") =>
        Create(StatusCodes.Status400BadRequest, "invalid-input", title, errors);

    public static IResult BadRequest(string title, string path, string message) =>
        Create(StatusCodes.Status400BadRequest, "invalid-input", title, [new ProfileError(path, message)]);

    public static IResult NotJson(string path, string message) =>
        Create(StatusCodes.Status400BadRequest, "not-json", "The body is not a JSON document.", [new ProfileError(path, message)]);

    public static IResult TooLarge(int maxBytes) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request body is too large.", [new ProfileError("$", $"at most {maxBytes} bytes are accepted")]);

    public static IResult UnsupportedMediaType() =>
        Create(StatusCodes.Status415UnsupportedMediaType, "not-json", "The request body must be JSON.", [new ProfileError("$", "send Content-Type: application/json or application/fhir+json, UTF-8")]);

    public static IResult Timeout() =>
        Create(StatusCodes.Status408RequestTimeout, "timeout", "The request body did not arrive in time.", [new ProfileError("$", "the body arrived too slowly; send it whole")]);

    public static IResult Aborted() =>
        Create(StatusCodes.Status400BadRequest, "aborted", "The request body ended early.", [new ProfileError("$", "the body ended before its declared length")]);

    public static IResult Unauthorized(string message) =>
        Create(StatusCodes.Status401Unauthorized, "unauthorized", "The caller is not authenticated.", [new ProfileError("$", message)]);

    public static IResult Forbidden(string message) =>
        Create(StatusCodes.Status403Forbidden, "forbidden", "The caller may not use this endpoint.", [new ProfileError("$", message)]);

    private static IResult Create(int status, string type, string title, IEnumerable<ProfileError> errors)
    {
        var list = new List<object>();
        var total = 0;
        foreach (var error in errors)
        {
            if (++total <= MaxErrors)
            {
                list.Add(new { path = Short(error.Path), message = Short(error.Message) });
            }
        }

        var problem = new ProblemDetails
        {
            Type = TypeBase + type,
            Title = title,
            Status = status,
            Detail = total > MaxErrors
                ? $"{total} errors; the first {MaxErrors} are listed, each with the JSON path of what is wrong."
                : total == 1 ? "Each error names the JSON path of what is wrong." : $"{total} errors, each with the JSON path of what is wrong.",
        };
        problem.Extensions["errors"] = list;
        return Results.Problem(problem);
    }

    /// <summary>Cuts a text to a short length and escapes control characters, so no message can carry much of the input or drive a terminal.</summary>
    public static string Short(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxMessageLength + 8));
        foreach (var c in text)
        {
            if (builder.Length >= MaxMessageLength)
            {
                builder.Append('…');
                break;
            }

            if (char.IsControl(c))
            {
                builder.Append($"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
