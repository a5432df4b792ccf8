using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace SciaticaAdvisor.Contract;

/// <summary>The camelCase names of an enum's members, as the contract spells them.</summary>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    public static ImmutableArray<TEnum> Values { get; } = [.. Enum.GetValues<TEnum>()];

    public static ImmutableArray<string> Names { get; } = [.. Values.Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];

    /// <summary>The names joined for an error message: "none, subsiding, acute".</summary>
    public static string Expected { get; } = string.Join(", ", Names);

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    private static readonly JsonEncodedText[] EncodedNames = [.. Names.Select(n => JsonEncodedText.Encode(n))];

    /// <summary>Whether member i has the int value i, so a value is its own index into <see cref="EncodedNames"/>.</summary>
    private static readonly bool ValueIsIndex = IsValueIndex();

    public static string NameOf(TEnum value) => Names[Values.IndexOf(value)];

    public static bool TryNameOf(TEnum value, out string name)
    {
        var index = Values.IndexOf(value);
        name = index >= 0 ? Names[index] : string.Empty;
        return index >= 0;
    }

    /// <summary>The name pre-encoded for <see cref="Utf8JsonWriter"/>, without a search for the usual dense enum.</summary>
    /// <exception cref="JsonException">The value is no named member, which the serializer's converter refuses too.</exception>
    public static JsonEncodedText EncodedNameOf(TEnum value)
    {
        var index = ValueIsIndex ? Unsafe.BitCast<TEnum, int>(value) : Values.IndexOf(value);
        return (uint)index < (uint)EncodedNames.Length ? EncodedNames[index] : throw NotAMember(value);
    }

    private static bool IsValueIndex()
    {
        if (Enum.GetUnderlyingType(typeof(TEnum)) != typeof(int))
        {
            return false;
        }

        for (var i = 0; i < Values.Length; i++)
        {
            if (Unsafe.BitCast<TEnum, int>(Values[i]) != i)
            {
                return false;
            }
        }

        return true;
    }

    private static JsonException NotAMember(TEnum value) =>
        new($"{value} is not a member of {typeof(TEnum).Name}; expected one of {Expected}.");

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
