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

    private static class Sets<T>
        where T : struct, Enum
    {
        // Every enum a profile holds has a few members (at most 16 is checked when the table is made),
        // so a table of every mask stays small.
        private static readonly ImmutableHashSet<T>?[] Table = new ImmutableHashSet<T>?[1 << Count()];

        public static ImmutableHashSet<T> Of(int mask)
        {
            // Two threads may build the same set; either is right.
            return Table[mask] ??= Build(mask);
        }

        private static ImmutableHashSet<T> Build(int mask)
        {
            var builder = ImmutableHashSet.CreateBuilder<T>();
            foreach (var value in Enum.GetValues<T>())
            {
                if ((mask & Bit(value)) != 0)
                {
                    builder.Add(value);
                }
            }

            return builder.ToImmutable();
        }

        private static int Count()
        {
            var values = Enum.GetValues<T>();
            var max = values.Length == 0 ? 0 : values.Max(v => Unsafe.As<T, int>(ref v)) + 1;
            return max <= 16 ? max : throw new InvalidOperationException($"{typeof(T).Name} has values above 15; a set of it does not fit the table.");
        }
    }
}
