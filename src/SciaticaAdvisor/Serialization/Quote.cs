namespace SciaticaAdvisor.Serialization;

/// <summary>Quotes input values in error messages, cut short so a huge value cannot flood the output.</summary>
internal static class Quote
{
    private const int MaxLength = 40;

    public static string Value(string value) => "'" + Truncate(value) + "'";

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
