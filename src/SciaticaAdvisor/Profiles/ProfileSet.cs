using System.Collections.Immutable;

namespace SciaticaAdvisor.Profiles;

/// <summary>
/// What a <see cref="SymptomProfile"/> holds for one of its set properties: the bit mask of a set
/// read from JSON, CSV or a population, or the set a caller gave in C#.
/// </summary>
/// <remarks>
/// A read profile keeps its mask, and its <see cref="ImmutableHashSet{T}"/> is looked up in
/// <see cref="EnumSet"/>'s table only when someone asks for the property: validating, classifying
/// and advising read the mask. <see cref="ImmutableHashSet{T}"/> over one of our enums is never
/// precompiled (ReadyToRun keeps framework generics over our types out of our image), so a cold
/// <c>advise</c> that built and walked the sets JIT-compiled some 270 of its methods
/// (docs/performance.md, "Cold start, fourth round"). The property's type and its values are the
/// same either way, one set instance per mask as before. Immutable, so safe from any thread.
/// </remarks>
/// <typeparam name="T">The set's enum.</typeparam>
internal readonly struct ProfileSet<T>
    where T : struct, Enum
{
    private readonly ImmutableHashSet<T>? _given;

    // The mask of the set, or -1 when the set was given and is the value (it may hold values no
    // mask can, or be null, which the validator reports). The default is the empty mask.
    private readonly int _mask;

    private ProfileSet(int mask, ImmutableHashSet<T>? given)
    {
        _mask = mask;
        _given = given;
    }

    /// <summary>The set of the mask's named values (other bits are dropped, as <see cref="EnumSet.Of{T}"/> always did).</summary>
    public static ProfileSet<T> OfMask(int mask) => new(mask & EnumSet.NamedBits<T>(), null);

    /// <summary>The set a caller gave, kept as it is.</summary>
    public static ProfileSet<T> Given(ImmutableHashSet<T>? set) => new(-1, set);

    /// <summary>The set's bit mask when it came as one; <see langword="null"/> for a given set.</summary>
    public int? Mask => _mask >= 0 ? _mask : null;

    /// <summary>The set; for a mask, the one shared instance of that mask.</summary>
    public ImmutableHashSet<T> Set => _mask >= 0 ? EnumSet.Of<T>(_mask) : _given!;
}
