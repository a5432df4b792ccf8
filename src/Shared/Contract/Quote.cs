using System.Text;

namespace SciaticaAdvisor.Contract;

/// <summary>Quotes input values in error messages, cut short so a huge value cannot flood the output.</summary>
internal static class Quote
{
    private const int MaxLength = 40;

    private static readonly System.Buffers.SearchValues<char> Unsafe = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(i => (char)i))
        + string.Concat(Enumerable.Range(0x7F, 0x21).Select(i => (char)i))
        + "\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// The value in single quotes, cut short, with control characters written as <c>\uXXXX</c>:
    /// errors are printed one a line as <c>path: message</c>, and a line break inside a quoted
    /// value would split one error into two lines.
    /// </summary>
    public static string Value(string value) => $"'{Escape(Truncate(value))}'";

    /// <summary>
    /// The text with control characters (and the line and bidirectional-override separators a
    /// terminal also obeys) written as <c>\uXXXX</c>, so a message that quotes input can neither
    /// split into two lines nor send escape sequences to the terminal.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAny(Unsafe))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
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

    /// <summary>Whether <paramref name="c"/> is a control character or one that reorders or breaks a line on a terminal.</summary>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>Where the first unsafe character of <paramref name="text"/> is, or -1; <paramref name="allowLineFeeds"/> lets line feeds pass.</summary>
    public static int IndexOfUnsafe(string text, bool allowLineFeeds = false)
    {
        var at = text.AsSpan().IndexOfAny(Unsafe);
        while (allowLineFeeds && at >= 0 && text[at] == '\n')
        {
            var next = text.AsSpan(at + 1).IndexOfAny(Unsafe);
            at = next < 0 ? -1 : at + 1 + next;
        }

        return at;
    }

    /// <summary>Cuts <paramref name="value"/> to <see cref="MaxLength"/> characters, never between the two halves of a surrogate pair.</summary>
    public static string Truncate(string value)
    {
        if (value.Length <= MaxLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Concat(value.AsSpan(0, cut), "…");
    }
}
