namespace SciaticaAdvisor.Studies;

/// <summary>An output column: its name, its type, and how a row gives its value.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Nullable">Whether a row may have no value.</param>
/// <param name="OfProfile">Whether the value depends on the profile alone, so the rows of one profile under every variant share it.</param>
internal abstract record StudyColumn(string Name, bool Nullable, bool OfProfile);

/// <summary>
/// A text column (codes, ids, <c>;</c>-joined lists): a string the run keeps (<see cref="TextCells.Texts"/>),
/// or text built for the row in <see cref="TextCells.Arena"/>; <see langword="null"/> for no value.
/// </summary>
/// <remarks><c>Dictionary</c>: whether Parquet should try to write the column's values once a row group and refer to them by index (<see cref="ParquetSink.DictionarySample"/>).</remarks>
internal sealed record TextColumn(string Name, bool Nullable, Func<StudyRow, TextCells, ReadOnlyMemory<char>?> Value, bool OfProfile = false, bool Dictionary = true) : StudyColumn(Name, Nullable, OfProfile);

/// <summary>A whole-number column.</summary>
internal sealed record IntColumn(string Name, bool Nullable, Func<StudyRow, int?> Value, bool OfProfile = false) : StudyColumn(Name, Nullable, OfProfile);

/// <summary>A 64-bit whole-number column (the profile's index).</summary>
internal sealed record LongColumn(string Name, Func<StudyRow, long> Value) : StudyColumn(Name, false, false);

/// <summary>A floating-point column (scores).</summary>
internal sealed record DoubleColumn(string Name, bool Nullable, Func<StudyRow, double?> Value) : StudyColumn(Name, Nullable, false);

/// <summary>A yes-or-no column.</summary>
internal sealed record BoolColumn(string Name, Func<StudyRow, bool> Value, bool OfProfile = false) : StudyColumn(Name, false, OfProfile);

/// <summary>Where a block's text cells come from: the strings the run keeps, and the block's arena for text built row by row.</summary>
internal sealed record TextCells(StudyTexts Texts, TextArena Arena);
