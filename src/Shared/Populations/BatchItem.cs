using System.Diagnostics.CodeAnalysis;

namespace SciaticaAdvisor.Populations;

/// <summary>One unit of batch input: a profile's JSON, or why the line cannot be one before it is parsed.</summary>
/// <param name="Line">The 1-based input line the answer names; for CSV, the line where the record starts.</param>
/// <param name="Json">The profile document as UTF-8, or <see langword="null"/> when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">Why the line is not a profile (<c>empty line</c>), reported at path <c>$</c>.</param>
internal readonly record struct BatchItem(int Line, byte[]? Json, string? Problem)
{
    public static BatchItem Document(int line, byte[] json) => new(line, json, null);

    public static BatchItem Rejected(int line, string problem) => new(line, null, problem);

    /// <summary>Whether the item holds a document to read, rather than a problem to report.</summary>
    [MemberNotNullWhen(true, nameof(Json))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsDocument => Json is not null;

    /// <summary>What the item holds in memory, to bound the work in flight.</summary>
    public int Size => Json?.Length ?? 0;
}
