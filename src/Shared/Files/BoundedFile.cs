using System.Buffers;
using System.Text;
using System.Text.Unicode;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Files;

/// <summary>
/// Reads a file the user named, never more than a limit: through a stream, at most the limit and one
/// byte more, whatever the file system says its length is. Devices (<c>/dev/zero</c>), pipes and
/// <c>/proc</c> files report a length of 0 and never end; a file's stat length is no bound.
/// </summary>
/// <remarks>
/// The one reader of rule files, scenario files, study files and profiles, so each has the same
/// bound and the same messages. It returns a problem instead of throwing, and each caller turns the
/// problem into its own error type (a rule-set error, a scenario error, an exit code).
/// </remarks>
internal static class BoundedFile
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes accepted; a file with more is refused, after reading one byte more.</param>
    /// <param name="what">What the file is, for the messages: "rule file".</param>
    public static FileBytes ReadBytes(string path, int maxBytes, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (Directory.Exists(path))
        {
            return FileBytes.Failed($"the {what} is a directory");
        }

        try
        {
            // No FileOptions.SequentialScan or preallocation from the stat length: both trust it.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(maxBytes + 1L, 1 << 16));
            try
            {
                using var bytes = new MemoryStream();
                int read;
                while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1L - bytes.Length))) > 0)
                {
                    bytes.Write(buffer, 0, read);
                    if (bytes.Length > maxBytes)
                    {
                        return new FileBytes(null, $"the {what} is larger than {maxBytes} bytes, the most allowed") { TooLarge = true };
                    }
                }

                return new FileBytes(bytes.ToArray(), null);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return FileBytes.Failed($"the {what} does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            return FileBytes.Failed($"the {what} cannot be read: permission denied");
        }
        catch (Exception ex) when (ex is IOException or System.Security.SecurityException or NotSupportedException)
        {
            return FileBytes.Failed($"the {what} cannot be read: {Quote.Escape(ex.Message)}");
        }
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of the file as strict UTF-8, without a byte-order mark.</summary>
    /// <remarks>
    /// Invalid UTF-8 is a problem with its line and column, never replaced with U+FFFD: two different
    /// files must never read as the same text (and so the same <c>ruleSet.sha256</c>).
    /// </remarks>
    public static FileText ReadText(string path, int maxBytes, string what)
    {
        var read = ReadBytes(path, maxBytes, what);
        return read.Bytes is null ? new FileText(null, read.Problem, 0, 0) : Decode(read.Bytes, what);
    }

    /// <summary>Decodes UTF-8 strictly, dropping a byte-order mark; invalid bytes are a problem at their line and column.</summary>
    public static FileText Decode(ReadOnlySpan<byte> bytes, string what)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new FileText(null, $"the {what} is UTF-16; save it as UTF-8", 1, 1);
        }

        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var written, replaceInvalidSequences: false);
        if (status == System.Buffers.OperationStatus.Done)
        {
            return new FileText(new string(chars, 0, written), null, 0, 0);
        }

        var (line, column) = Position(bytes[..bytesRead]);
        return new FileText(null, $"the {what} is not valid UTF-8: byte 0x{bytes[bytesRead]:X2} at line {line}, column {column} cannot be read; save it as UTF-8", line, column);
    }

    /// <summary>The 1-based line and column (in characters) just after <paramref name="before"/>.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> before)
    {
        var lastBreak = before.LastIndexOf((byte)'\n');
        var line = before.Count((byte)'\n') + 1;
        var rest = before[(lastBreak + 1)..];
        var column = 1;
        foreach (var b in rest)
        {
            // Count characters, not bytes: every byte that does not continue a sequence starts one.
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}

/// <summary>A file's bytes, or why they could not be read.</summary>
/// <param name="Bytes">The bytes, or <see langword="null"/> when <paramref name="Problem"/> says why not.</param>
/// <param name="Problem">What is wrong, naming the kind of file but not its path: the caller names it.</param>
internal sealed record FileBytes(byte[]? Bytes, string? Problem)
{
    /// <summary>Whether the problem is that the file holds more than the limit.</summary>
    public bool TooLarge { get; init; }

    public static FileBytes Failed(string problem) => new(null, problem);
}

/// <summary>A file's text, or why it could not be read (with the line and column of bad UTF-8, else 0).</summary>
/// <param name="Text">The text, or <see langword="null"/> when <paramref name="Problem"/> says why not.</param>
/// <param name="Problem">What is wrong, naming the kind of file but not its path.</param>
/// <param name="Line">The 1-based line of invalid UTF-8, or 0 when the problem concerns the whole file.</param>
/// <param name="Column">The 1-based column of invalid UTF-8, or 0.</param>
internal sealed record FileText(string? Text, string? Problem, int Line, int Column);
