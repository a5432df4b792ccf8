using System.Collections.Immutable;
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

    /// <summary>
    /// The set of the values in <paramref name="mask"/>. Sets are immutable, so one instance per mask
    /// serves every profile: reading a profile no longer builds its sets node by node.
    /// </summary>
    public static ImmutableHashSet<T> Of<T>(int mask)
        where T : struct, Enum => Sets<T>.Of(mask);

    /// <summary>The values in <paramref name="mask"/> in the enum's order, one shared array per mask (advice focus areas).</summary>
    public static ImmutableArray<T> ListOf<T>(int mask)
        where T : struct, Enum => Sets<T>.ListOf(mask);

    private static class Sets<T>
        where T : struct, Enum
    {
        // Every enum a profile holds has a few members (at most 16 is checked when the table is made),
        // so a table of every mask stays small.
        private static readonly int Size = 1 << Count();
        private static readonly ImmutableHashSet<T>?[] Table = new ImmutableHashSet<T>?[Size];
        private static readonly ImmutableArray<T>[] Lists = new ImmutableArray<T>[Size];

        // Two threads may build the same set or list; either is right.
        public static ImmutableHashSet<T> Of(int mask) => Table[mask] ??= [.. ListOf(mask)];

        public static ImmutableArray<T> ListOf(int mask)
        {
            var known = Lists[mask];
            return known.IsDefault ? Lists[mask] = [.. Enum.GetValues<T>().Where(value => (mask & Bit(value)) != 0)] : known;
        }

        private static int Count()
        {
            var values = Enum.GetValues<T>();
            var max = values.Length == 0 ? 0 : values.Max(v => Unsafe.As<T, int>(ref v)) + 1;
            return max <= 16 ? max : throw new InvalidOperationException($"{typeof(T).Name} has values above 15; a set of it does not fit the table.");
        }
    }
}
