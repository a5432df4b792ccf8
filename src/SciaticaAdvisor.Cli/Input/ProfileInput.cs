using System.Text;
using SciaticaAdvisor.Files;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Input;

/// <summary>Reads the one profile <c>advise</c> works on, from a file or standard input, as UTF-8 without a byte-order mark.</summary>
internal static class ProfileInput
{
    /// <summary>The largest profile document read, as for a batch line: no profile comes near it.</summary>
    public const int MaxBytes = 1024 * 1024;

    public static byte[] ReadFile(string path)
    {
        // The library's bounded read: at most the limit and a byte-order mark, whatever stat says (/dev/zero).
        var read = BoundedFile.ReadBytes(path, MaxBytes + 3, "file");
        if (read.TooLarge)
        {
            return Document([], cut: true);
        }

        return read.Bytes is null
            ? throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: cannot read '{Quote.Escape(path)}': {read.Problem}")
            : Document(read.Bytes, cut: false);
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
