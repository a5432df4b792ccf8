using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace SciaticaAdvisor.Profiles;

/// <summary>
/// The bit masks of the shared sets <see cref="EnumSet.Of{T}"/> hands out, found by reference, so a
/// profile read from JSON or CSV (which holds only those sets) is packed and validated without
/// walking its sets.
/// </summary>
/// <remarks>
/// Why: every advice packs the profile's four sets (its fact and input class) and validation checks
/// each value of each set, twice in <c>batch</c> (reading, then advising). Walking an
/// <see cref="ImmutableHashSet{T}"/> is not cheap (its enumerator rents a stack from a pool, and
/// through <see cref="IEnumerable{T}"/> it is boxed); a shared set's mask is one lookup by identity.
/// Any other instance, whatever its values (a set built in C#), is walked as before. The table is
/// read-only once built, with the type; it holds the shared sets, which live as long as the process.
/// </remarks>
internal static class SharedSetMasks
{
    /// <summary>The set's bit mask: looked up for a shared set, else made from its values.</summary>
    public static int Mask<T>(ImmutableHashSet<T> set)
        where T : struct, Enum
    {
        if (Index<T>.TryMaskOf(set, out var mask))
        {
            return mask;
        }

        foreach (var value in set)
        {
            mask |= EnumSet.Bit(value);
        }

        return mask;
    }

    /// <summary>Whether the set is one of the shared sets, which hold named values only.</summary>
    public static bool IsShared<T>(ImmutableHashSet<T> set)
        where T : struct, Enum => Index<T>.TryMaskOf(set, out _);

    /// <summary>
    /// The shared sets of <typeparamref name="T"/> by identity: open addressing on
    /// <see cref="RuntimeHelpers.GetHashCode(object)"/>, each slot a set's mask plus one (0 is free),
    /// at most a quarter of the slots taken.
    /// </summary>
    private static class Index<T>
        where T : struct, Enum
    {
        private static readonly (ImmutableHashSet<T>[] Sets, int[] Slots) Table = Build();

        public static bool TryMaskOf(ImmutableHashSet<T> set, out int mask)
        {
            var (sets, slots) = Table;
            var last = slots.Length - 1;
            for (var slot = RuntimeHelpers.GetHashCode(set) & last; slots[slot] != 0; slot = (slot + 1) & last)
            {
                if (ReferenceEquals(sets[slots[slot] - 1], set))
                {
                    mask = slots[slot] - 1;
                    return true;
                }
            }

            mask = 0;
            return false;
        }

        private static (ImmutableHashSet<T>[], int[]) Build()
        {
            // The masks of named bits only: a mask with a bit no value has shares the set of its named bits.
            // EnumSet refuses an enum that is not int or has values outside its table, before this reads them.
            _ = EnumSet.Of<T>(0);
            var named = EnumSet.NamedBits<T>();

            var sets = new ImmutableHashSet<T>[named + 1];
            var slots = new int[BitOperations.RoundUpToPowerOf2((uint)named + 1) * 4];
            var last = slots.Length - 1;
            for (var mask = 0; mask <= named; mask++)
            {
                if ((mask & ~named) != 0)
                {
                    continue;
                }

                var set = sets[mask] = EnumSet.Of<T>(mask);
                var slot = RuntimeHelpers.GetHashCode(set) & last;
                while (slots[slot] != 0)
                {
                    slot = (slot + 1) & last;
                }

                slots[slot] = mask + 1;
            }

            return (sets, slots);
        }
    }
}
