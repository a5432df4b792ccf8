using System.Text;

namespace SciaticaAdvisor.Contract;

/// <summary>Builds the JSON paths that errors point at: <c>$.painIntensity</c>, <c>$.symptoms[2]</c>, <c>$['odd name']</c>.</summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string name)
    {
        if (name.Length > 0 && IsIdentifier(name))
        {
            return "$." + name;
        }

        var builder = new StringBuilder("$['");
        foreach (var c in Quote.Truncate(name))
        {
            builder.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append("']").ToString();
    }

    public static string Element(string property, int index) => $"$.{property}[{index}]";

    private static bool IsIdentifier(string name)
    {
        if (!char.IsAsciiLetter(name[0]) && name[0] != '_')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
