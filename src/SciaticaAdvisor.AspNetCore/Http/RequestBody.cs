using System.Buffers;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SciaticaAdvisor.AspNetCore.Http;

/// <summary>Reads a request body whole, within the size and time limits, as UTF-8 JSON: the one door every POST goes through.</summary>
/// <remarks>
/// Every way a body can be wrong ends in a problem, never an exception: not JSON by its content type
/// (415), too large (413), too slow (408), cut off by the client (400), not UTF-8 (400).
/// </remarks>
internal static class RequestBody
{
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpContext http, SciaticaServiceOptions options)
    {
        var request = http.Request;
        if (!IsJson(request.ContentType))
        {
            return (null, Problems.UnsupportedMediaType());
        }

        var max = options.MaxRequestBodyBytes;
        if (request.ContentLength > max)
        {
            return (null, Problems.TooLarge(max));
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(options.RequestBodyTimeout);
        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, max) + 1);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(buffer.GetMemory(16 * 1024), deadline.Token);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > max)
                {
                    return (null, Problems.TooLarge(max));
                }
            }
        }
        catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
        {
            return (null, Problems.Timeout());
        }
        catch (OperationCanceledException)
        {
            return (null, Problems.Aborted());
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ex.StatusCode switch
            {
                StatusCodes.Status408RequestTimeout => Problems.Timeout(),
                StatusCodes.Status413PayloadTooLarge => Problems.TooLarge(max),
                _ => Problems.Aborted(),
            });
        }
        catch (IOException)
        {
            return (null, Problems.Aborted());
        }

        var body = buffer.WrittenSpan;
        if (Utf8.IsValid(body))
        {
            return (body.ToArray(), null);
        }

        return (null, Problems.NotJson("$", $"the body is not valid UTF-8 (at byte {InvalidAt(body)})"));
    }

    /// <summary>JSON by its media type (<c>application/json</c>, <c>application/fhir+json</c>, any <c>+json</c>), in UTF-8 when a charset is named.</summary>
    public static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return false;
        }

        var json = type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = media.Charset.Value;
        return json && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    private static int InvalidAt(ReadOnlySpan<byte> body)
    {
        var status = Utf8.ToUtf16(body, new char[body.Length], out var read, out _, replaceInvalidSequences: false);
        return status == OperationStatus.Done ? body.Length : read;
    }
}
