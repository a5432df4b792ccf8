using System.Text;

namespace SciaticaAdvisor.Fhir.Reading;

/// <summary>The paths errors name: FHIRPath-like, an item named by its <c>linkId</c> wherever it sits.</summary>
internal static class ResponsePaths
{
    private const int MaxLinkIdLength = 64;

    public static string Entry(int index) => $"Bundle.entry[{index}].resource";

    public static string Item(string resourcePath, string linkId) => $"{resourcePath}.item[linkId={Safe(linkId)}]";

    public static string Answer(string itemPath, int index) => $"{itemPath}.answer[{index}]";

    /// <summary>A linkId as a path may show it: no control characters, bounded length.</summary>
    private static string Safe(string linkId)
    {
        var text = new StringBuilder(Math.Min(linkId.Length, MaxLinkIdLength + 1));
        foreach (var c in linkId.AsSpan(0, Math.Min(linkId.Length, MaxLinkIdLength)))
        {
            text.Append(char.IsControl(c) ? '?' : c);
        }

        return linkId.Length > MaxLinkIdLength ? text.Append('…').ToString() : text.ToString();
    }
}
