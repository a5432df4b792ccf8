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

    /// <summary>Every set and list of <typeparamref name="T"/>, one per mask, built with the type: read-only after.</summary>
    private static class Sets<T>
        where T : struct, Enum
    {
        // Every enum a profile or an advice holds has a few members (at most 12 is checked), so the
        // table of every mask is small (at most 4096 entries) and cheap to build at once.
        private const int MaxMembers = 12;

        private static readonly ImmutableArray<T>[] Lists = BuildLists();
        private static readonly ImmutableHashSet<T>[] Table = [.. Lists.Select(list => list.ToImmutableHashSet())];

        public static ImmutableHashSet<T> Of(int mask) => Table[mask];

        public static ImmutableArray<T> ListOf(int mask) => Lists[mask];

        private static ImmutableArray<T>[] BuildLists()
        {
            var values = Enum.GetValues<T>();
            var count = values.Length == 0 ? 0 : values.Max(v => Unsafe.As<T, int>(ref v)) + 1;
            if (count > MaxMembers)
            {
                throw new InvalidOperationException($"{typeof(T).Name} has values above {MaxMembers - 1}; a set of it does not fit the table.");
            }

            return [.. Enumerable.Range(0, 1 << count).Select(mask => values.Where(value => (mask & Bit(value)) != 0).ToImmutableArray())];
        }
    }
}
