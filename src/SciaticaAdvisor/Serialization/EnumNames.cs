using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace SciaticaAdvisor.Serialization;

/// <summary>The camelCase names of an enum's members, as the contract spells them.</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static ImmutableArray<TEnum> Values { get; } = [.. Enum.GetValues<TEnum>()];

    public static ImmutableArray<string> Names { get; } = [.. Values.Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];

    /// <summary>The names joined for an error message: "none, subsiding, acute".</summary>
    public static string Expected { get; } = string.Join(", ", Names);

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    public static string NameOf(TEnum value) => Names[Values.IndexOf(value)];

    public static bool TryParse(string name, out TEnum value)
    {
        var index = Names.IndexOf(name);
        value = index >= 0 ? Values[index] : default;
        return index >= 0;
    }

    /// <summary>Matches the current string token without allocating.</summary>
    /// <remarks>A string whose escapes do not decode (<c>"\ud800"</c>) makes the reader throw while comparing; it matches no name.</remarks>
    public static bool TryMatch(ref Utf8JsonReader reader, out TEnum value)
    {
        try
        {
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (reader.ValueTextEquals(Utf8Names[i]))
                {
                    value = Values[i];
                    return true;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: no name of ours.
        }

        value = default;
        return false;
    }
}
