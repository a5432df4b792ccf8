namespace SciaticaAdvisor.Studies;

/// <summary>Where and how a study run writes.</summary>
public sealed record StudyRunOptions
{
    /// <summary>The directory for the rows, the summary and the charts; created when missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The rows' format: Parquet (the default) or CSV.</summary>
    public StudyFormat Format { get; init; } = StudyFormat.Parquet;

    /// <summary>The one shard to advise, or <see langword="null"/> for the whole study.</summary>
    /// <remarks>A shard writes only its rows and provenance; the summary and charts need the whole study.</remarks>
    public StudyShard? Shard { get; init; }

    /// <summary>Whether a whole study also writes <c>summary.md</c>, <c>sensitivity.md</c> and the PNG charts; on by default.</summary>
    public bool WriteReports { get; init; } = true;

    /// <summary>How many rows a Parquet row group holds at most; the writer buffers two row groups, so this bounds its memory.</summary>
    public int RowGroupSize { get; init; } = 8_192;

    /// <summary>
    /// How many input classes the run keeps the rows' cells of, per group of variants that replay one
    /// another's fired rules, so that a profile of a kept class is not advised again; 0 keeps none (every
    /// profile is then advised by its variants' advisors, whose own caches are small in a study). Each class
    /// costs about 100 bytes for three variants (the 233,363 classes of 1,000,000 sampled profiles: 25 MB);
    /// the output is the same whatever the number.
    /// </summary>
    public int ClassesKept { get; init; } = 262_144;
}
