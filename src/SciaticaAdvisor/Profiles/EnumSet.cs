using System.Runtime.CompilerServices;

namespace SciaticaAdvisor.Profiles;

/// <summary>Sets of small enums as bit masks, so rules test membership with one AND.</summary>
internal static class EnumSet
{
    public static int Mask<T>(IEnumerable<T> values)
        where T : struct, Enum
    {
        var mask = 0;
        foreach (var value in values)
        {
            mask |= Bit(value);
        }

        return mask;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit<T>(T value)
        where T : struct, Enum => 1 << Unsafe.As<T, int>(ref value);
}
