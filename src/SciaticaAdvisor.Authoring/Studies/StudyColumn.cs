namespace SciaticaAdvisor.Studies;

/// <summary>An output column: its name, its type, and how a row gives its value.</summary>
internal abstract record StudyColumn(string Name, bool Nullable);

/// <summary>A text column (codes, ids, <c>;</c>-joined lists).</summary>
internal sealed record TextColumn(string Name, bool Nullable, Func<StudyRow, string?> Value) : StudyColumn(Name, Nullable);

/// <summary>A whole-number column.</summary>
internal sealed record IntColumn(string Name, bool Nullable, Func<StudyRow, int?> Value) : StudyColumn(Name, Nullable);

/// <summary>A 64-bit whole-number column (the profile's index).</summary>
internal sealed record LongColumn(string Name, Func<StudyRow, long> Value) : StudyColumn(Name, false);

/// <summary>A floating-point column (scores).</summary>
internal sealed record DoubleColumn(string Name, bool Nullable, Func<StudyRow, double?> Value) : StudyColumn(Name, Nullable);

/// <summary>A yes-or-no column.</summary>
internal sealed record BoolColumn(string Name, Func<StudyRow, bool> Value) : StudyColumn(Name, false);
