namespace ClinicIntakeApi.Advice;

/// <summary>Reads a request body into memory, refusing one larger than a profile can sensibly be.</summary>
internal static class RequestBody
{
    /// <summary>The largest body accepted: the same 1 MiB the command line allows for a JSON Lines line.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <returns>The body, or <see langword="null"/> when it is larger than <see cref="MaxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
