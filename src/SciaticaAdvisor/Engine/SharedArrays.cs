using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// The arrays an advice is assembled from (rule ids, notes, reasons), one instance per combination of
/// parts: the same parts, by reference, in the same order, give the same array.
/// </summary>
/// <remarks>
/// <para>
/// Why: a first-seen input class is assembled from the rule set's own strings, and most combinations
/// come back in advice after advice (<c>docs/performance.md</c>, sixth round): shared, an advice
/// allocates no array for them, the advices the cache keeps share them, and the serializer, which keeps
/// a value's JSON by reference (<c>Serialization/EncodedFragments</c>), can copy it.
/// </para>
/// <para>
/// Exact: parts are compared by reference, and an array handed out is never written again (an
/// <see cref="ImmutableArray{T}"/> over it), so a shared array holds exactly what a new one would.
/// Bounded: <see cref="Slots"/> places, each the last combination of at most <see cref="MaxParts"/>
/// parts whose hash fell there (a newcomer replaces it), so at most <c>Slots × MaxParts</c>
/// references are held (each compiled rule set has its own tables, <see cref="AdviceParts"/>, which
/// go with it: a study's variants do not evict one another's, and a reloaded rule set's go).
/// Thread-safe without locks: a place holds a finished array or nothing, and a race decides only which.
/// </para>
/// </remarks>
/// <typeparam name="T">The parts' type.</typeparam>
internal sealed class SharedArrays<T>
    where T : class
{
    /// <summary>The places (a power of two).</summary>
    public const int Slots = 8192;

    /// <summary>The most parts a kept array has; a longer combination gets an array of its own each time.</summary>
    public const int MaxParts = 32;

    private readonly T[]?[] _slots = new T[]?[Slots];

    /// <summary>The parts as an immutable array: the kept one when the same parts were shared before.</summary>
    public ImmutableArray<T> Of(List<T> parts)
    {
        var span = CollectionsMarshal.AsSpan(parts);
        if (span.IsEmpty)
        {
            return [];
        }

        ref var slot = ref _slots[SharedParts.PlaceOf(span, Slots)];
        var kept = Volatile.Read(ref slot);
        if (kept is null || !SharedParts.Same(kept, span))
        {
            kept = span.ToArray();
            if (kept.Length <= MaxParts)
            {
                Volatile.Write(ref slot, kept);
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(kept);
    }
}

/// <summary>Hashing and comparing a combination of parts by reference, for <see cref="SharedArrays{T}"/> and <see cref="SharedJoins"/>.</summary>
internal static class SharedParts
{
    /// <summary>The place of the parts among <paramref name="slots"/> (a power of two): their identity hashes mixed in order.</summary>
    public static int PlaceOf<T>(ReadOnlySpan<T> parts, int slots)
        where T : class
    {
        var hash = (uint)parts.Length;
        foreach (var part in parts)
        {
            hash = BitOperations.RotateLeft(hash * 0x9E3779B1u, 13) ^ (uint)RuntimeHelpers.GetHashCode(part);
        }

        return (int)((hash * 0x9E3779B1u) >> (32 - BitOperations.Log2((uint)slots)));
    }

    /// <summary>Whether <paramref name="kept"/> holds exactly <paramref name="parts"/>, instance for instance.</summary>
    public static bool Same<T>(T[] kept, ReadOnlySpan<T> parts)
        where T : class
    {
        if (kept.Length != parts.Length)
        {
            return false;
        }

        for (var i = 0; i < kept.Length; i++)
        {
            if (!ReferenceEquals(kept[i], parts[i]))
            {
                return false;
            }
        }

        return true;
    }
}
