using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SciaticaAdvisor.Contract;

/// <summary>The contract's names of one enum, keyed by the members' int values: the table behind <see cref="EnumNames{TEnum}"/>.</summary>
/// <remarks>
/// Not generic on purpose: ReadyToRun precompiles no framework generic over one of our enums
/// (<c>ImmutableArray&lt;T&gt;</c>, LINQ, <c>EqualityComparer&lt;T&gt;</c>), so a table built with them
/// is JIT-compiled on every cold start, once per enum. Over <see langword="int"/>, <see langword="string"/>
/// and <see cref="Type"/> it is all precompiled (docs/performance.md, "Cold start, third round").
/// </remarks>
internal sealed class EnumNameTable
{
    private readonly int[] _values;
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly JsonEncodedText[] _encodedNames;

    private EnumNameTable(Type enumType)
    {
        // In value order, as Enum.GetValues<TEnum> gives the members; a member's name is the one its ToString() gives.
        var members = Enum.GetValuesAsUnderlyingType(enumType);
        IsInt = members is int[];
        _values = members as int[] ?? [];
        _names = new string[members.Length];
        _utf8Names = new byte[members.Length][];
        _encodedNames = new JsonEncodedText[members.Length];
        ValueIsIndex = IsInt;
        for (var i = 0; i < members.Length; i++)
        {
            _names[i] = JsonNamingPolicy.CamelCase.ConvertName(Enum.GetName(enumType, members.GetValue(i)!)!);
            _utf8Names[i] = Encoding.UTF8.GetBytes(_names[i]);
            _encodedNames[i] = JsonEncodedText.Encode(_names[i]);
            ValueIsIndex &= IsInt && _values[i] == i;
        }

        Names = ImmutableCollectionsMarshal.AsImmutableArray(_names);
        Expected = string.Join(", ", _names);
    }

    /// <summary>Whether the enum's underlying type is <see langword="int"/>, so a value is looked up as its int.</summary>
    public bool IsInt { get; }

    /// <summary>Whether member i has the int value i, so a value is its own index.</summary>
    public bool ValueIsIndex { get; }

    /// <summary>The camelCase names, in value order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The names joined for an error message: "none, subsiding, acute".</summary>
    public string Expected { get; }

    public static EnumNameTable Of(Type enumType) => new(enumType);

    /// <summary>The index of the member with this int value, or -1.</summary>
    public int IndexOf(int value) => ValueIsIndex ? ((uint)value < (uint)_values.Length ? value : -1) : Array.IndexOf(_values, value);

    /// <summary>The int values of the members in value order; empty unless <see cref="IsInt"/>.</summary>
    public ReadOnlySpan<int> Values => _values;

    public string NameAt(int index) => _names[index];

    public JsonEncodedText EncodedNameAt(int index) => _encodedNames[index];

    /// <summary>The index of the member named <paramref name="name"/> (exact, ordinal), or -1.</summary>
    public int IndexOfName(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the member the current string token names, or -1, without allocating.</summary>
    /// <remarks>A string whose escapes do not decode (<c>"\ud800"</c>) makes the reader throw while comparing; it matches no name.</remarks>
    public int Match(ref Utf8JsonReader reader)
    {
        try
        {
            for (var i = 0; i < _utf8Names.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8Names[i]))
                {
                    return i;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: no name of ours.
        }

        return -1;
    }
}
