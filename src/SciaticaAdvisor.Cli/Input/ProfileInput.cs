using System.Text;

namespace SciaticaAdvisor.Cli.Input;

/// <summary>Reads the one profile <c>advise</c> works on, from a file or standard input, as UTF-8 without a byte-order mark.</summary>
internal static class ProfileInput
{
    /// <summary>The largest profile document read, as for a batch line: no profile comes near it.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static byte[] ReadFile(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: cannot read '{path}': it is a directory");
        }

        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[MaxBytes + 4];
            var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            return Document(buffer.AsSpan(0, length), length > MaxBytes + 3);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw CommandFailure.Unreadable(path, ex);
        }
    }

    public static byte[] ReadStandardInput(TextReader reader)
    {
        var buffer = new char[MaxBytes + 2];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        var text = buffer.AsSpan(0, length);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToArray());
        return Document(bytes, length == buffer.Length);
    }

    private static byte[] Document(ReadOnlySpan<byte> bytes, bool cut)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        if (cut || bytes.Length > MaxBytes)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"$: the document is longer than {MaxBytes} bytes (1 MiB)");
        }

        return bytes.ToArray();
    }
}
