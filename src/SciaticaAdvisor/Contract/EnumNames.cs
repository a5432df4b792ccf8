using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SciaticaAdvisor.Contract;

/// <summary>The camelCase names of an enum's members, as the contract spells them.</summary>
/// <remarks>
/// A typed face over <see cref="EnumNameTable"/>: a value is looked up as its int, so nothing here
/// instantiates a framework generic over <typeparamref name="TEnum"/> but <see cref="Values"/>.
/// </remarks>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly EnumNameTable Table = EnumNameTable.Of(typeof(TEnum));

    private static readonly TEnum[] Members = Table.IsInt ? FromInts(Table.Values) : Enum.GetValues<TEnum>();

    /// <summary>The members in value order.</summary>
    public static ImmutableArray<TEnum> Values => ImmutableCollectionsMarshal.AsImmutableArray(Members);

    public static ImmutableArray<string> Names => Table.Names;

    /// <summary>The names joined for an error message: "none, subsiding, acute".</summary>
    public static string Expected => Table.Expected;

    public static string NameOf(TEnum value) => Table.NameAt(IndexOf(value));

    public static bool TryNameOf(TEnum value, out string name)
    {
        var index = IndexOf(value);
        name = index >= 0 ? Table.NameAt(index) : string.Empty;
        return index >= 0;
    }

    /// <summary>The name pre-encoded for <see cref="Utf8JsonWriter"/>, without a search for the usual dense enum.</summary>
    /// <exception cref="JsonException">The value is no named member, which the serializer's converter refuses too.</exception>
    public static JsonEncodedText EncodedNameOf(TEnum value)
    {
        var index = IndexOf(value);
        return index >= 0 ? Table.EncodedNameAt(index) : throw NotAMember(value);
    }

    public static bool TryParse(string name, out TEnum value)
    {
        var index = Table.IndexOfName(name);
        value = index >= 0 ? Members[index] : default;
        return index >= 0;
    }

    /// <summary>Matches the current string token without allocating.</summary>
    /// <remarks>A string whose escapes do not decode (<c>"\ud800"</c>) makes the reader throw while comparing; it matches no name.</remarks>
    public static bool TryMatch(ref Utf8JsonReader reader, out TEnum value)
    {
        var index = Table.Match(ref reader);
        value = index >= 0 ? Members[index] : default;
        return index >= 0;
    }

    private static int IndexOf(TEnum value) =>
        Table.IsInt ? Table.IndexOf(Unsafe.As<TEnum, int>(ref value)) : Array.IndexOf(Members, value);

    private static TEnum[] FromInts(ReadOnlySpan<int> values)
    {
        var members = new TEnum[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            members[i] = Unsafe.BitCast<int, TEnum>(values[i]);
        }

        return members;
    }

    private static JsonException NotAMember(TEnum value) =>
        new($"{value} is not a member of {typeof(TEnum).Name}; expected one of {Expected}.");
}
