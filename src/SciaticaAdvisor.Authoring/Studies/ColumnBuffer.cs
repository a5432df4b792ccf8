using System.Globalization;
using System.Runtime.InteropServices;
using Parquet;
using Parquet.Schema;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One column's values for a run of rows, typed as the Parquet column is. The advising threads read a
/// chunk's rows into a block of these (<see cref="Fill"/>, one value a row), which the CSV writer formats
/// (<see cref="Cell"/>); the Parquet writer gathers blocks into the row group's (<see cref="Append"/>,
/// the non-null values packed with a definition level a row, as Parquet stores them), and writes each
/// with the low-level column call. Every array is allocated once, at the size of a chunk or a row group,
/// and reused.
/// </summary>
internal abstract class ColumnBuffer
{
    /// <summary>Characters a row group's text arena takes at a time.</summary>
    private const int GroupArenaChunk = 1 << 20;

    /// <summary>Rows held.</summary>
    public int Count { get; protected set; }

    public abstract DataField Field { get; }

    /// <summary>The Parquet field of a column: its name, type and whether it may be null.</summary>
    public static DataField FieldOf(StudyColumn column) => column switch
    {
        TextColumn text => new DataField<string>(text.Name, text.Nullable),
        FiredColumn fired => new DataField<string>(fired.Name, true),
        IntColumn number => number.Nullable ? new DataField<int?>(number.Name) : new DataField<int>(number.Name),
        LongColumn number => new DataField<long>(number.Name),
        DoubleColumn number => number.Nullable ? new DataField<double?>(number.Name) : new DataField<double>(number.Name),
        BoolColumn flag => new DataField<bool>(flag.Name),
        _ => throw new ArgumentException($"no Parquet type for column '{column.Name}'", nameof(column)),
    };

    /// <summary>A buffer for <paramref name="capacity"/> rows of the column, written as <paramref name="field"/> (the instance in the file's schema).</summary>
    /// <param name="column">The column.</param>
    /// <param name="field">Its field in the file's schema.</param>
    /// <param name="capacity">The most rows held.</param>
    /// <param name="fired">Where a row group's fired rules are joined as it is written; <see langword="null"/> for a block, which is not written.</param>
    public static ColumnBuffer For(StudyColumn column, DataField field, int capacity, TextArena? fired = null) => column switch
    {
        TextColumn text => new Text(field, text, capacity),
        FiredColumn rules => new Fired(field, rules, capacity, fired),
        IntColumn number => new Values<int>(field, column, number.Value, capacity, static v => v.ToString(CultureInfo.InvariantCulture)),
        LongColumn number => new Values<long>(field, column, r => number.Value(r), capacity, static v => v.ToString(CultureInfo.InvariantCulture)),
        DoubleColumn number => new Values<double>(field, column, number.Value, capacity, static v => v.ToString("R", CultureInfo.InvariantCulture)),
        BoolColumn flag => new Values<bool>(field, column, r => flag.Value(r), capacity, static v => v ? "true" : "false"),
        _ => throw new ArgumentException($"no Parquet type for column '{column.Name}'", nameof(column)),
    };

    /// <summary>Reads the column's value out of each row, one value a row (on an advising thread); text built for a row goes to <paramref name="cells"/>' arena.</summary>
    public abstract void Fill(ReadOnlySpan<StudyRow> rows, TextCells cells);

    /// <summary>The value of row <paramref name="row"/> of a block filled by <see cref="Fill"/> as CSV writes it: invariant digits, <see langword="null"/> for no value.</summary>
    public abstract string? Cell(int row);

    /// <summary>Adds rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of a block filled by <see cref="Fill"/>, packed as Parquet stores them.</summary>
    public abstract void Append(ColumnBuffer block, int start, int count);

    /// <summary>Writes the packed values as this row group's column chunk.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken);

    /// <summary>Empties the buffer, and lets go of the strings it refers to.</summary>
    public abstract void Clear();

    /// <summary>Whether row <paramref name="i"/> is the same profile as the row before it, so a profile's column can copy that row's value.</summary>
    private static bool SameProfile(StudyColumn column, ReadOnlySpan<StudyRow> rows, int i) =>
        column.OfProfile && i > 0 && rows[i].Profile == rows[i - 1].Profile && ReferenceEquals(rows[i].Input, rows[i - 1].Input);

    /// <summary>A value-typed column: whole numbers, scores, yes-or-no.</summary>
    private sealed class Values<T>(DataField dataField, StudyColumn column, Func<StudyRow, T?> value, int capacity, Func<T, string> format) : ColumnBuffer
        where T : struct
    {
        private readonly T[] _values = new T[capacity];
        private readonly int[] _levels = column.Nullable ? new int[capacity] : [];
        private int _present;

        public override DataField Field => dataField;

        public override void Fill(ReadOnlySpan<StudyRow> rows, TextCells cells)
        {
            for (var i = 0; i < rows.Length; i++)
            {
                if (SameProfile(column, rows, i))
                {
                    if (column.Nullable)
                    {
                        _levels[Count] = _levels[Count - 1];
                    }

                    _values[Count] = _values[Count - 1];
                    Count++;
                    continue;
                }

                var item = value(rows[i]);
                if (column.Nullable)
                {
                    _levels[Count] = item.HasValue ? 1 : 0;
                }

                _values[Count++] = item.GetValueOrDefault();
            }
        }

        public override string? Cell(int row) => column.Nullable && _levels[row] == 0 ? null : format(_values[row]);

        public override void Append(ColumnBuffer block, int start, int count)
        {
            var from = (Values<T>)block;
            if (!column.Nullable)
            {
                Array.Copy(from._values, start, _values, Count, count);
                Count += count;
                _present = Count;
                return;
            }

            for (var i = start; i < start + count; i++)
            {
                var level = from._levels[i];
                _levels[Count++] = level;
                if (level == 1)
                {
                    _values[_present++] = from._values[i];
                }
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) => column.Nullable
            ? writer.WriteAllPartsAsync<T>(dataField, _values.AsMemory(0, _present), _levels.AsMemory(0, Count), null, cancellationToken)
            : writer.WriteAsync<T>(dataField, _values.AsMemory(0, Count), null, null, cancellationToken);

        public override void Clear() => Count = _present = 0;
    }

    /// <summary>A text column: codes, ids, <c>;</c>-joined lists, fault messages.</summary>
    /// <remarks>
    /// A value is a string the run keeps, referred to as it is, or text built in an arena: the block's
    /// while it is filled, copied into the row group's own when appended, as the block is reused as soon
    /// as it is written.
    /// </remarks>
    private sealed class Text(DataField dataField, TextColumn column, int capacity) : ColumnBuffer
    {
        private readonly int[] _levels = new int[capacity];
        private ReadOnlyMemory<char>[]? _values;
        private TextArena? _arena;
        private int _present;

        public override DataField Field => dataField;

        public override void Fill(ReadOnlySpan<StudyRow> rows, TextCells cells)
        {
            _values ??= new ReadOnlyMemory<char>[capacity];
            for (var i = 0; i < rows.Length; i++)
            {
                if (SameProfile(column, rows, i))
                {
                    _levels[Count] = _levels[Count - 1];
                    _values[Count] = _values[Count - 1];
                    Count++;
                    continue;
                }

                var item = column.Value(rows[i], cells);
                _levels[Count] = item.HasValue ? 1 : 0;
                _values[Count++] = item.GetValueOrDefault();
            }
        }

        public override string? Cell(int row)
        {
            if (_levels[row] == 0)
            {
                return null;
            }

            var value = _values![row];
            return MemoryMarshal.TryGetString(value, out var text, out var start, out var length) && start == 0 && length == text.Length
                ? text
                : value.ToString();
        }

        public override void Append(ColumnBuffer block, int start, int count)
        {
            _values ??= new ReadOnlyMemory<char>[capacity];
            var from = (Text)block;
            for (var i = start; i < start + count; i++)
            {
                var level = from._levels[i];
                if (column.Nullable)
                {
                    _levels[Count] = level;
                }

                Count++;
                if (level == 1)
                {
                    var value = from._values![i];
                    _values[_present++] = MemoryMarshal.TryGetString(value, out _, out _, out _)
                        ? value
                        : (_arena ??= new TextArena(GroupArenaChunk)).Copy(value.Span);
                }
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) => column.Nullable
            ? writer.WriteAllPartsAsync<ReadOnlyMemory<char>>(dataField, _values.AsMemory(0, _present), _levels.AsMemory(0, Count), null, cancellationToken)
            : writer.WriteAsync<ReadOnlyMemory<char>>(dataField, _values.AsMemory(0, Count), null, null, cancellationToken);

        public override void Clear()
        {
            if (_values is not null)
            {
                Array.Clear(_values, 0, Math.Max(Count, _present));
            }

            _arena?.Clear();
            Count = _present = 0;
        }
    }
    /// <summary>The fired rules: rule numbers while the rows are filled and gathered, text only as the row group is written.</summary>
    private sealed class Fired(DataField dataField, FiredColumn column, int capacity, TextArena? arena) : ColumnBuffer
    {
        private readonly int[] _levels = new int[capacity];
        private readonly FiredRules[] _values = new FiredRules[capacity];
        private ReadOnlyMemory<char>[]? _texts;
        private int _present;

        public override DataField Field => dataField;

        public override void Fill(ReadOnlySpan<StudyRow> rows, TextCells cells)
        {
            foreach (ref readonly var row in rows)
            {
                var item = column.Value(row);
                _levels[Count] = item.HasValue ? 1 : 0;
                _values[Count++] = item.GetValueOrDefault();
            }
        }

        public override string? Cell(int row) => _levels[row] == 0 ? null : _values[row].Text();

        public override void Append(ColumnBuffer block, int start, int count)
        {
            var from = (Fired)block;
            for (var i = start; i < start + count; i++)
            {
                var level = _levels[Count++] = from._levels[i];
                if (level == 1)
                {
                    _values[_present++] = from._values[i];
                }
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken)
        {
            // The arena is the writer's, shared by its two row groups: they are written one after the other.
            var texts = _texts ??= new ReadOnlyMemory<char>[capacity];
            var joined = arena ?? throw new InvalidOperationException("a block's fired rules are not written");
            joined.Clear();
            for (var i = 0; i < _present; i++)
            {
                texts[i] = _values[i].Join(joined);
            }

            return writer.WriteAllPartsAsync<ReadOnlyMemory<char>>(dataField, texts.AsMemory(0, _present), _levels.AsMemory(0, Count), null, cancellationToken);
        }

        public override void Clear()
        {
            Array.Clear(_values, 0, Math.Max(Count, _present));
            if (_texts is not null)
            {
                Array.Clear(_texts, 0, _present);
            }

            Count = _present = 0;
        }
    }
}
