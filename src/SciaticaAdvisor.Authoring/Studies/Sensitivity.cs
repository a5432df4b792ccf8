using System.Collections.Immutable;
using System.Text.Json.Nodes;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One-at-a-time sensitivity: for each factor and each of its values, the share of profiles whose top
/// style, status, or either changes when only that factor is set to the value (profiles that already
/// have it are not counted).
/// </summary>
/// <remarks>
/// For a grid every such neighbour is in the grid, so the shares are exact over the whole grid. For a
/// sample or a file the first <see cref="PerturbedProfiles"/> profiles are each advised again with the
/// factor changed. A profile or neighbour a variant's rules fault on is left out of the comparisons.
/// </remarks>
internal static class Sensitivity
{
    public const int PerturbedProfiles = 1000;

    public static ImmutableArray<SensitivityCell> OfGrid(GridPopulation grid, OutcomeTally tally)
    {
        var cells = new List<SensitivityCell>();
        var count = grid.Count!.Value;
        for (var v = 0; v < tally.Kept.Length; v++)
        {
            var kept = tally.Kept[v];
            for (var f = 0; f < grid.Factors.Length; f++)
            {
                var radix = grid.Factors[f].Values.Length;
                var stride = grid.Stride(f);
                var counts = new long[radix, 4];
                for (var i = 0L; i < count; i++)
                {
                    var digit = (int)(i / stride % radix);
                    for (var to = 0; to < radix; to++)
                    {
                        if (to != digit)
                        {
                            Compare(counts, to, kept, i, i + ((to - digit) * stride));
                        }
                    }
                }

                cells.AddRange(Cells(v, tally.Factors[f], counts));
            }
        }

        return [.. cells];
    }

    public static ImmutableArray<SensitivityCell> OfProfiles(
        IReadOnlyList<SymptomProfile> profiles, ImmutableArray<CompiledVariant> variants, ImmutableArray<StudyFactor> factors, CancellationToken cancellationToken = default)
    {
        // One worker per core, as RuleSetVerifier.Verify bounds its pass, and for the same reason.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
        var cells = new List<SensitivityCell>();
        for (var v = 0; v < variants.Length; v++)
        {
            var advisor = variants[v].Advisor;
            foreach (var factor in factors)
            {
                var counts = new long[factor.Levels.Length, 4];
                var gate = new Lock();
                Parallel.ForEach(profiles, options, profile =>
                {
                    if (TryAdvise(advisor, profile) is not { } before)
                    {
                        return;
                    }

                    var from = factor.LevelOf(profile);
                    for (var to = 0; to < factor.Levels.Length; to++)
                    {
                        if (to == from || With(profile, factor, to) is not { } changed)
                        {
                            continue;
                        }

                        if (TryAdvise(advisor, changed) is not { } after)
                        {
                            continue;
                        }

                        var status = before.Status != after.Status;
                        var top = OutcomeMeasure.TopStyle.Category(before) != OutcomeMeasure.TopStyle.Category(after);
                        lock (gate)
                        {
                            Add(counts, to, status, top);
                        }
                    }
                });
                cells.AddRange(Cells(v, factor, counts));
            }
        }

        return [.. cells];
    }

    /// <summary>The advice, or <see langword="null"/> when the variant's rules fault on the profile: a fault is no change to compare.</summary>
    private static MassageAdvice? TryAdvise(Advisor advisor, SymptomProfile profile)
    {
        try
        {
            return advisor.Advise(profile);
        }
        catch (RuleSetFaultException)
        {
            return null;
        }
    }

    private static SymptomProfile? With(SymptomProfile profile, StudyFactor factor, int level)
    {
        var json = JsonNode.Parse(AdvisorJson.Serialize(profile))!.AsObject();
        if (factor.Json(level) is { } value)
        {
            json[factor.Field.Name] = value;
        }
        else
        {
            json.Remove(factor.Field.Name);
        }

        var read = ProfileReader.TryRead(json.ToJsonString());
        return read.IsValid ? read.Profile : null;
    }

    private static void Compare(long[,] counts, int to, byte[] kept, long from, long other)
    {
        if (kept[from * 2] == OutcomeTally.Faulted || kept[other * 2] == OutcomeTally.Faulted)
        {
            return;
        }

        var status = kept[from * 2] != kept[other * 2];
        var top = kept[(from * 2) + 1] != kept[(other * 2) + 1];
        Add(counts, to, status, top);
    }

    private static void Add(long[,] counts, int to, bool status, bool top)
    {
        counts[to, 0]++;
        counts[to, 1] += top ? 1 : 0;
        counts[to, 2] += status ? 1 : 0;
        counts[to, 3] += top || status ? 1 : 0;
    }

    private static IEnumerable<SensitivityCell> Cells(int variant, StudyFactor factor, long[,] counts) =>
        factor.Levels.Select((level, to) => new SensitivityCell(variant, factor.Field.Name, level, counts[to, 0], counts[to, 1], counts[to, 2], counts[to, 3]));
}

/// <summary>For one variant, factor and target value: profiles moved to the value, and how many changed top style, status, either.</summary>
internal sealed record SensitivityCell(int Variant, string Factor, string ToValue, long Profiles, long TopStyleChanged, long StatusChanged, long EitherChanged);
