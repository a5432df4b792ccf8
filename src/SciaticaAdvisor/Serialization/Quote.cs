namespace SciaticaAdvisor.Serialization;

/// <summary>Quotes input values in error messages, cut short so a huge value cannot flood the output.</summary>
internal static class Quote
{
    private const int MaxLength = 40;

    public static string Value(string value) => "'" + Truncate(value) + "'";

    public static string Truncate(string value) =>
        value.Length <= MaxLength ? value : string.Concat(value.AsSpan(0, MaxLength), "…");
}
