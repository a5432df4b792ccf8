using System.Runtime.InteropServices;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Strings joined with one separator (a style's rationales, a contraindication's or an adjunct's
/// reasons), one instance per combination of parts, on the terms of <see cref="SharedArrays{T}"/>.
/// </summary>
/// <param name="separator">What goes between two parts.</param>
internal sealed class SharedJoins(string separator)
{
    /// <summary>The places (a power of two).</summary>
    public const int Slots = 2048;

    /// <summary>The longest joined string kept, in chars: at most <c>Slots</c> × 2 KB of text are held (a few hundred combinations in practice).</summary>
    public const int MaxLength = 1024;

    private readonly Entry?[] _slots = new Entry?[Slots];

    /// <summary><see cref="string.Join(string, IEnumerable{string})"/> of the parts: one part is the part itself, several the kept string when joined before.</summary>
    public string Join(List<string> parts)
    {
        var span = CollectionsMarshal.AsSpan(parts);
        if (span.Length == 1)
        {
            return span[0];
        }

        ref var slot = ref _slots[SharedParts.PlaceOf(span, Slots)];
        if (Volatile.Read(ref slot) is { } kept && SharedParts.Same(kept.Parts, span))
        {
            return kept.Joined;
        }

        var joined = string.Join(separator, span);
        if (joined.Length <= MaxLength && span.Length <= SharedArrays<string>.MaxParts)
        {
            Volatile.Write(ref slot, new Entry(span.ToArray(), joined));
        }

        return joined;
    }

    /// <summary>A combination of parts and their join; immutable once made.</summary>
    private sealed record Entry(string[] Parts, string Joined);
}
