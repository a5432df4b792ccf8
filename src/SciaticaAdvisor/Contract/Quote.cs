using System.Text;

namespace SciaticaAdvisor.Contract;

/// <summary>Quotes input values in error messages, cut short so a huge value cannot flood the output.</summary>
internal static class Quote
{
    private const int MaxLength = 40;

    /// <summary>
    /// The value in single quotes, cut short, with control characters written as <c>\uXXXX</c>:
    /// errors are printed one a line as <c>path: message</c>, and a line break inside a quoted
    /// value would split one error into two lines.
    /// </summary>
    public static string Value(string value)
    {
        var cut = Truncate(value);
        var builder = new StringBuilder(cut.Length + 2).Append('\'');
        foreach (var c in cut)
        {
            if (char.IsControl(c))
            {
                builder.Append($"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('\'').ToString();
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
