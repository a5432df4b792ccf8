using System.Collections.Immutable;
using System.Security.Cryptography;
using SciaticaAdvisor.Files;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// A research study: a population of profiles advised under several rule-set variants, one row per
/// profile and variant. Load a study file with <see cref="Load"/>, then <see cref="RunAsync"/> it.
/// </summary>
/// <remarks>
/// A loaded study has every variant's rules compiled and is immutable; <see cref="RunAsync"/> may be
/// called more than once (for each shard, say). The study file format is described in
/// <c>docs/studies.md</c>.
/// </remarks>
public sealed class Study
{
    /// <summary>The largest study file read.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    // Unbounded, the loop starts a thread a variant, each compiling (and allocating) at once; more than a core each buys nothing.
    private static readonly ParallelOptions OneWorkerPerCore = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    private Study(string source, string sha256, StudyDefinition definition, ImmutableArray<CompiledVariant> variants)
    {
        Source = source;
        Sha256 = sha256;
        Name = definition.Name ?? Path.GetFileNameWithoutExtension(source);
        Population = definition.Population;
        Compiled = variants;
        Variants = [.. variants.Select(v => v.Spec)];
        Inputs = [
            Path.GetFullPath(source),
            .. definition.Population is FilePopulation file ? [file.FullPath] : Array.Empty<string>(),
            .. definition.Variants.SelectMany(v => v.Layers).Where(l => l.Written != "@default").Select(l => l.Resolved),
        ];
    }

    /// <summary>The study file as it was named to <see cref="Load"/>.</summary>
    public string Source { get; }

    /// <summary>The study's name: its <c>name</c> key, or the file's name without its extension.</summary>
    public string Name { get; }

    /// <summary>The SHA-256 of the study file's bytes, lowercase hex, recorded in every output.</summary>
    public string Sha256 { get; }

    /// <summary>The variants, in the study file's order; the first is the baseline the reports compare with.</summary>
    public ImmutableArray<StudyVariant> Variants { get; }

    /// <summary>How the population is made: <c>grid</c>, <c>sample</c> or <c>file</c>.</summary>
    public string PopulationKind => Population.Kind;

    /// <summary>How many profiles the population has, or <see langword="null"/> for a file, which is counted as it is read.</summary>
    public long? PopulationSize => Population.Count;

    internal StudyPopulation Population { get; }

    internal ImmutableArray<CompiledVariant> Compiled { get; }

    /// <summary>The full paths of the files the study reads (itself, its population file, its rule files), which no output may replace.</summary>
    internal ImmutableArray<string> Inputs { get; }

    /// <summary>Reads a study file, checks it and compiles its variants' rules.</summary>
    /// <param name="path">The study file; the rule and population files it names are relative to it.</param>
    /// <returns>The study, ready to run.</returns>
    /// <exception cref="StudyException">The file cannot be read, or it or a file it names is not valid: every error, with line and column.</exception>
    public static Study Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // Bounded and strict as rule and scenario files are; the hash is of the bytes as read.
        var read = BoundedFile.ReadBytes(path, MaxFileBytes, "study file");
        var bytes = read.Bytes ?? throw Fail(path, 0, 0, read.Problem!);
        var decoded = BoundedFile.Decode(bytes, "study file");
        var text = decoded.Text ?? throw Fail(path, decoded.Line, decoded.Column, decoded.Problem!);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var ruleErrors = new List<RuleSetError>();
        var clean = new List<VariantDefinition>();
        var definition = StudyReader.Read(text, path, directory, ruleErrors, clean);

        // Compiled side by side (a rule set takes about a second), each variant's errors in a list of its own, reported in study order.
        // With errors elsewhere in the file, the variants read cleanly are compiled all the same, so every error is reported at once.
        ImmutableArray<VariantDefinition> compiling = definition?.Variants ?? [.. clean];
        var count = compiling.Length;
        var variantErrors = new List<StudyError>[count];
        var variants = new CompiledVariant?[count];
        Parallel.For(0, count, OneWorkerPerCore, i => variants[i] = compiling[i].Compile(path, variantErrors[i] = []));
        var errors = ruleErrors.OrderBy(e => e.Line).ThenBy(e => e.Column).Select(e => new StudyError(e.Source, e.Line, e.Column, e.Message))
            .Concat(variantErrors.SelectMany(e => e))
            .ToList();
        if (definition is null || errors.Count > 0)
        {
            throw new StudyException([.. errors]);
        }

        return new Study(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), definition, VariantReplay.Link(variants!));
    }

    /// <summary>Advises the population (or one shard of it) under every variant and writes the rows, and for a whole study the summary, charts and sensitivity report.</summary>
    /// <param name="options">Where and how to write.</param>
    /// <param name="progress">Told the rows written as the run goes; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run; nothing half-written is left under the output names.</param>
    /// <returns>What was written.</returns>
    /// <exception cref="StudyException">A profile of a population file is not valid, or the output cannot be written.</exception>
    /// <remarks>
    /// A profile that a variant's rules fault on (its advice would break a GUIDANCE invariant) does not stop
    /// the run: its row has the <c>fault</c> column set and no advice, and <see cref="StudyResult.Faults"/> counts it.
    /// </remarks>
    public Task<StudyResult> RunAsync(StudyRunOptions options, IProgress<StudyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ClassesKept, nameof(options));
        return new StudyRun(this, options, progress).RunAsync(cancellationToken);
    }

    private static StudyException Fail(string path, int line, int column, string message) => new([new StudyError(path, line, column, message)]);
}
