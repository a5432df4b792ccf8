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

    private static readonly int StatusMeasure = OutcomeMeasure.All.IndexOf(OutcomeMeasure.Status);

    private static readonly int TopStyleMeasure = OutcomeMeasure.All.IndexOf(OutcomeMeasure.TopStyle);

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

    public void Add(in RowOutcome row)
    {
        if (!row.Advised)
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

        Span<int> levels = Factors.Length <= 64 ? stackalloc int[Factors.Length] : new int[Factors.Length];
        if (_grid is not null)
        {
            _grid.Digits(row.Profile, levels);
        }
        else
        {
            for (var f = 0; f < Factors.Length; f++)
            {
                levels[f] = Factors[f].LevelOf(row.Input);
            }
        }

        for (var m = 0; m < OutcomeMeasure.All.Length; m++)
        {
            var category = row.Category(m);
            _overall[row.VariantIndex, m, category]++;
            for (var f = 0; f < Factors.Length; f++)
            {
                _byFactor[f][row.VariantIndex, levels[f], m, category]++;
            }
        }

        if (!Kept.IsEmpty)
        {
            Kept[row.VariantIndex][row.Profile * 2] = (byte)row.Category(StatusMeasure);
            Kept[row.VariantIndex][(row.Profile * 2) + 1] = (byte)row.Category(TopStyleMeasure);
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
