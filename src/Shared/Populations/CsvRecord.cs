namespace SciaticaAdvisor.Populations;

/// <summary>One CSV record: its cells and the file line it starts on, or why it could not be read.</summary>
/// <param name="Line">The 1-based file line where the record starts, the header included.</param>
/// <param name="Cells">The cells, unquoted.</param>
/// <param name="Problem">Why the record is broken (an unterminated quote), or <see langword="null"/>.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells, string? Problem)
{
    /// <summary>Whether the record is a blank line: one empty cell.</summary>
    public bool IsBlank => Problem is null && Cells.Count == 1 && string.IsNullOrWhiteSpace(Cells[0]);
}
