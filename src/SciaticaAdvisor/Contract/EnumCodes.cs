using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SciaticaAdvisor.Contract;

/// <summary>The contract's names of one enum behind a non-generic face, for code that walks the profile fields as a table (an enum value is its int).</summary>
internal abstract class EnumCodes
{
    /// <summary>The names joined for an error message: "none, subsiding, acute".</summary>
    public abstract string Expected { get; }

    public static EnumCodes Of<TEnum>()
        where TEnum : struct, Enum => Codes<TEnum>.Instance;

    /// <summary>Matches the current string token, giving the member's int value.</summary>
    public abstract bool TryMatch(ref Utf8JsonReader reader, out int value);

    public abstract string NameOf(int value);

    private sealed class Codes<TEnum> : EnumCodes
        where TEnum : struct, Enum
    {
        public static readonly Codes<TEnum> Instance = new();

        public override string Expected => EnumNames<TEnum>.Expected;

        public override bool TryMatch(ref Utf8JsonReader reader, out int value)
        {
            var matched = EnumNames<TEnum>.TryMatch(ref reader, out var member);
            value = Unsafe.BitCast<TEnum, int>(member);
            return matched;
        }

        public override string NameOf(int value) => EnumNames<TEnum>.NameOf(Unsafe.BitCast<int, TEnum>(value));
    }
}
