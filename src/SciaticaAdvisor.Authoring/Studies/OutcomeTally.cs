using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// Counts each measure's categories per variant, overall and per level of each factor, as rows stream
/// past; for a grid it also keeps each combination's status and top style, for the sensitivity report.
/// </summary>
/// <remarks>Memory is the size of the tables, plus two bytes a row for a grid small enough to keep (<see cref="MaxKeptRows"/>).</remarks>
internal sealed class OutcomeTally
{
    public const long MaxKeptRows = 20_000_000;

    /// <summary>The kept category of a row whose variant faulted: no comparison is made with it.</summary>
    public const byte Faulted = byte.MaxValue;

    private readonly long[,,] _overall;
    private readonly long[][,,,] _byFactor;
    private readonly GridPopulation? _grid;
    private readonly long[] _faulted;

    public OutcomeTally(int variants, ImmutableArray<StudyFactor> factors, StudyPopulation population)
    {
        Variants = variants;
        Factors = factors;
        _faulted = new long[variants];
        var categories = OutcomeMeasure.All.Max(m => m.Categories.Length);
        _overall = new long[variants, OutcomeMeasure.All.Length, categories];
        _byFactor = [.. factors.Select(f => new long[variants, f.Levels.Length, OutcomeMeasure.All.Length, categories])];
        if (population is GridPopulation grid && grid.Count * variants <= MaxKeptRows)
        {
            _grid = grid;
            Kept = [.. Enumerable.Range(0, variants).Select(_ => new byte[grid.Count!.Value * 2])];
        }
    }

    public int Variants { get; }

    public ImmutableArray<StudyFactor> Factors { get; }

    /// <summary>Per variant, each combination's status and top-style category, two bytes per profile index; empty unless the population is a grid.</summary>
    public ImmutableArray<byte[]> Kept { get; } = [];

    public long Profiles { get; private set; }

    /// <summary>Profiles the variant's rules faulted on.</summary>
    public long FaultedRows(int variant) => _faulted[variant];

    /// <summary>Profiles the variant advised: the denominator of its shares.</summary>
    public long Advised(int variant) => Profiles - _faulted[variant];

    public void Add(StudyRow row)
    {
        if (row.Advice is not { } advice)
        {
            // A fault has no outcome to count: it is counted apart, and the shares are of the advised profiles.
            _faulted[row.VariantIndex]++;
            if (!Kept.IsEmpty)
            {
                Kept[row.VariantIndex][row.Profile * 2] = Faulted;
                Kept[row.VariantIndex][(row.Profile * 2) + 1] = Faulted;
            }

            Profiles += row.VariantIndex == 0 ? 1 : 0;
            return;
        }

        var levels = new int[Factors.Length];
        for (var f = 0; f < Factors.Length; f++)
        {
            levels[f] = _grid is null ? Factors[f].LevelOf(row.Input) : 0;
        }

        if (_grid is not null)
        {
            levels = _grid.Digits(row.Profile);
        }

        for (var m = 0; m < OutcomeMeasure.All.Length; m++)
        {
            var category = OutcomeMeasure.All[m].Category(advice);
            _overall[row.VariantIndex, m, category]++;
            for (var f = 0; f < Factors.Length; f++)
            {
                _byFactor[f][row.VariantIndex, levels[f], m, category]++;
            }
        }

        if (!Kept.IsEmpty)
        {
            Kept[row.VariantIndex][row.Profile * 2] = (byte)OutcomeMeasure.Status.Category(advice);
            Kept[row.VariantIndex][(row.Profile * 2) + 1] = (byte)OutcomeMeasure.TopStyle.Category(advice);
        }

        if (row.VariantIndex == 0)
        {
            Profiles++;
        }
    }

    public long Count(int variant, int measure, int category) => _overall[variant, measure, category];

    public long Count(int factor, int variant, int level, int measure, int category) => _byFactor[factor][variant, level, measure, category];

    /// <summary>Profiles of the variant at this level of the factor (each profile counts once per measure).</summary>
    public long Total(int factor, int variant, int level)
    {
        var total = 0L;
        for (var c = 0; c < OutcomeMeasure.Status.Categories.Length; c++)
        {
            total += _byFactor[factor][variant, level, 0, c];
        }

        return total;
    }
}
