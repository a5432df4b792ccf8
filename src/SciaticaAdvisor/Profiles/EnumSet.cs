using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SciaticaAdvisor.Profiles;

/// <summary>Sets of small enums as bit masks, so rules test membership with one AND.</summary>
/// <remarks>
/// The tables are built by plain loops over the masks, each set from the one before it by a single
/// <see cref="ImmutableHashSet{T}.Add"/>: a framework generic over one of our enums is never
/// precompiled (ReadyToRun keeps it out of this assembly's image), so every LINQ operator or
/// builder used here would be JIT-compiled on a cold start, once per enum (docs/performance.md,
/// "Cold start, third round"). The sets are the profile's and the lists the advice's: a table of
/// the one is never built for an enum that only needs the other.
/// </remarks>
internal static class EnumSet
{
    // Every enum a profile or an advice holds has a few members (at most 12 is checked), so the
    // table of every mask is small (at most 4096 entries) and cheap to build at once.
    private const int MaxMembers = 12;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit<T>(T value)
        where T : struct, Enum => 1 << Unsafe.As<T, int>(ref value);

    /// <summary>
    /// The set of the values in <paramref name="mask"/>. Sets are immutable, so one instance per mask
    /// serves every profile: reading a profile no longer builds its sets node by node.
    /// </summary>
    public static ImmutableHashSet<T> Of<T>(int mask)
        where T : struct, Enum => Sets<T>.Table[mask];

    /// <summary>The values in <paramref name="mask"/> in the enum's order, one shared array per mask (advice focus areas).</summary>
    public static ImmutableArray<T> ListOf<T>(int mask)
        where T : struct, Enum => Lists<T>.Table[mask];

    /// <summary>The bits of <typeparamref name="T"/>'s named values.</summary>
    public static int NamedBits<T>()
        where T : struct, Enum => Defined<T>.Bits;

    /// <summary>The bits of the enum's named values; the table has an entry for every mask below the highest bit's double.</summary>
    private static int DefinedBits(Type type)
    {
        if (Enum.GetUnderlyingType(type) != typeof(int))
        {
            throw new InvalidOperationException($"{type.Name} is not an int enum; a set of it does not fit the table.");
        }

        var bits = 0;
        foreach (var value in (int[])Enum.GetValuesAsUnderlyingType(type))
        {
            if (value is < 0 or >= MaxMembers)
            {
                throw new InvalidOperationException($"{type.Name} has values outside 0 to {MaxMembers - 1}; a set of it does not fit the table.");
            }

            bits |= 1 << value;
        }

        return bits;
    }

    private static int TableSize(int definedBits) => definedBits == 0 ? 1 : 2 << (31 - BitOperations.LeadingZeroCount((uint)definedBits));

    /// <summary>The bits of <typeparamref name="T"/>'s named values, without a table of sets or lists.</summary>
    private static class Defined<T>
        where T : struct, Enum
    {
        public static readonly int Bits = DefinedBits(typeof(T));
    }

    /// <summary>Every set of <typeparamref name="T"/>, one per mask, built with the type: read-only after.</summary>
    private static class Sets<T>
        where T : struct, Enum
    {
        public static readonly ImmutableHashSet<T>[] Table = Build();

        private static ImmutableHashSet<T>[] Build()
        {
            var defined = DefinedBits(typeof(T));
            var table = new ImmutableHashSet<T>[TableSize(defined)];
            table[0] = ImmutableHashSet<T>.Empty;
            for (var mask = 1; mask < table.Length; mask++)
            {
                // A bit no value has adds nothing: such a mask shares the set of its named bits. Else the
                // set of the mask without its lowest bit is built already, and this one is it and that value.
                var lowest = BitOperations.TrailingZeroCount(mask);
                table[mask] = (mask & ~defined) != 0 ? table[mask & defined] : table[mask & (mask - 1)].Add(Unsafe.BitCast<int, T>(lowest));
            }

            return table;
        }
    }

    /// <summary>Every list of <typeparamref name="T"/>, one per mask, in the enum's order, built with the type: read-only after.</summary>
    private static class Lists<T>
        where T : struct, Enum
    {
        public static readonly ImmutableArray<T>[] Table = Build();

        private static ImmutableArray<T>[] Build()
        {
            var defined = DefinedBits(typeof(T));
            var table = new ImmutableArray<T>[TableSize(defined)];
            for (var mask = 0; mask < table.Length; mask++)
            {
                var bits = mask & defined;
                var items = new T[BitOperations.PopCount((uint)bits)];
                for (var i = 0; bits != 0; i++, bits &= bits - 1)
                {
                    items[i] = Unsafe.BitCast<int, T>(BitOperations.TrailingZeroCount(bits));
                }

                table[mask] = ImmutableCollectionsMarshal.AsImmutableArray(items);
            }

            return table;
        }
    }
}
