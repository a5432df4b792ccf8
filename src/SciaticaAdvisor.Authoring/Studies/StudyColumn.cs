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
internal sealed record TextColumn(string Name, bool Nullable, Func<StudyRow, TextCells, ReadOnlyMemory<char>?> Value, bool OfProfile = false) : StudyColumn(Name, Nullable, OfProfile);

/// <summary>
/// The fired rules' ids, <c>;</c>-joined: text in the file, but carried as rule numbers (<see cref="FiredRules"/>)
/// until a row group is written, when each is joined into the one arena the writer keeps for it; no value for a fault.
/// </summary>
/// <remarks>
/// Why not a <see cref="TextColumn"/>: a row's list is about 480 characters and nearly every class's is its
/// own, so as text it was joined once a chunk, copied again into the row group and held there, twice over
/// (the group filling and the one being written). Written plain, not dictionary-encoded: building a row
/// group's dictionary hashed and compared every list (12 % of the sweep's CPU), where Zstandard finds the
/// repeats for less.
/// </remarks>
internal sealed record FiredColumn(string Name, Func<StudyRow, FiredRules?> Value) : StudyColumn(Name, true, false);

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
