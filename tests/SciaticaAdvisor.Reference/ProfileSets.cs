using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference;

/// <summary>The sets of a profile as bit masks (bit i is the enum value i), built once and shared: they are immutable.</summary>
internal static class ProfileSets
{
    private static readonly ImmutableHashSet<Symptom>[] SymptomSets = AllSets<Symptom>();
    private static readonly ImmutableHashSet<RedFlag>[] RedFlagSets = AllSets<RedFlag>();
    private static readonly ImmutableHashSet<HealthCondition>[] ConditionSets = AllSets<HealthCondition>();
    private static readonly ImmutableHashSet<MassageStyle>[] StyleSets = AllSets<MassageStyle>();

    public static ImmutableHashSet<Symptom> Symptoms(int mask) => SymptomSets[mask];

    public static ImmutableHashSet<RedFlag> RedFlags(int mask) => RedFlagSets[mask];

    public static ImmutableHashSet<HealthCondition> Conditions(int mask) => ConditionSets[mask];

    public static ImmutableHashSet<MassageStyle> Styles(int mask) => StyleSets[mask];

    public static int Bit<T>(T value)
        where T : struct, Enum => 1 << Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);

    public static int Mask<T>(params T[] values)
        where T : struct, Enum => values.Aggregate(0, (mask, value) => mask | Bit(value));

    /// <summary>Every subset of <paramref name="members"/>, as masks, the empty set first.</summary>
    public static int[] Subsets<T>(params T[] members)
        where T : struct, Enum
    {
        var subsets = new int[1 << members.Length];
        for (var i = 0; i < subsets.Length; i++)
        {
            subsets[i] = Mask([.. members.Where((_, bit) => (i & (1 << bit)) != 0)]);
        }

        return subsets;
    }

    /// <summary>The empty set, each value alone, and all values together.</summary>
    public static int[] NoneEachAll<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return [0, .. values.Select(v => Bit(v)), Mask(values)];
    }

    private static ImmutableHashSet<T>[] AllSets<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return [.. Enumerable.Range(0, 1 << values.Length).Select(mask => values.Where(v => (mask & Bit(v)) != 0).ToImmutableHashSet())];
    }
}
