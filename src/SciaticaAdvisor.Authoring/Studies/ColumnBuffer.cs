using Parquet;
using Parquet.Schema;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One column's values for a run of rows, typed as the Parquet column is. The advising threads read a
/// chunk's rows into a block of these (<see cref="Fill"/>, one value a row); the writer gathers blocks
/// into the row group's (<see cref="Append"/>, the non-null values packed with a definition level a
/// row, as Parquet stores them), and writes each with the low-level column call. Every array is
/// allocated once, at the size of a chunk or a row group, and reused.
/// </summary>
internal abstract class ColumnBuffer
{
    /// <summary>Rows held.</summary>
    public int Count { get; protected set; }

    public abstract DataField Field { get; }

    /// <summary>The Parquet field of a column: its name, type and whether it may be null.</summary>
    public static DataField FieldOf(StudyColumn column) => column switch
    {
        TextColumn text => new DataField<string>(text.Name, text.Nullable),
        IntColumn number => number.Nullable ? new DataField<int?>(number.Name) : new DataField<int>(number.Name),
        LongColumn number => new DataField<long>(number.Name),
        DoubleColumn number => number.Nullable ? new DataField<double?>(number.Name) : new DataField<double>(number.Name),
        BoolColumn flag => new DataField<bool>(flag.Name),
        _ => throw new ArgumentException($"no Parquet type for column '{column.Name}'", nameof(column)),
    };

    /// <summary>A buffer for <paramref name="capacity"/> rows of the column, written as <paramref name="field"/> (the instance in the file's schema).</summary>
    public static ColumnBuffer For(StudyColumn column, DataField field, int capacity) => column switch
    {
        TextColumn text => new Text(field, text.Nullable, text.Value, capacity),
        IntColumn number => new Values<int>(field, number.Nullable, number.Value, capacity),
        LongColumn number => new Values<long>(field, false, r => number.Value(r), capacity),
        DoubleColumn number => new Values<double>(field, number.Nullable, number.Value, capacity),
        BoolColumn flag => new Values<bool>(field, false, r => flag.Value(r), capacity),
        _ => throw new ArgumentException($"no Parquet type for column '{column.Name}'", nameof(column)),
    };

    /// <summary>Reads the column's value out of each row, one value a row (on an advising thread).</summary>
    public abstract void Fill(ReadOnlySpan<StudyRow> rows);

    /// <summary>Adds rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> of a block filled by <see cref="Fill"/>, packed as Parquet stores them.</summary>
    public abstract void Append(ColumnBuffer block, int start, int count);

    /// <summary>Writes the packed values as this row group's column chunk.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken);

    /// <summary>Empties the buffer, and lets go of the strings it refers to.</summary>
    public abstract void Clear();

    /// <summary>A value-typed column: whole numbers, scores, yes-or-no.</summary>
    private sealed class Values<T>(DataField dataField, bool nullable, Func<StudyRow, T?> value, int capacity) : ColumnBuffer
        where T : struct
    {
        private readonly T[] _values = new T[capacity];
        private readonly int[] _levels = nullable ? new int[capacity] : [];
        private int _present;

        public override DataField Field => dataField;

        public override void Fill(ReadOnlySpan<StudyRow> rows)
        {
            foreach (var row in rows)
            {
                var item = value(row);
                if (nullable)
                {
                    _levels[Count] = item.HasValue ? 1 : 0;
                }

                _values[Count++] = item.GetValueOrDefault();
            }
        }

        public override void Append(ColumnBuffer block, int start, int count)
        {
            var from = (Values<T>)block;
            if (!nullable)
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

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) => nullable
            ? writer.WriteAllPartsAsync<T>(dataField, _values.AsMemory(0, _present), _levels.AsMemory(0, Count), null, cancellationToken)
            : writer.WriteAsync<T>(dataField, _values.AsMemory(0, Count), null, null, cancellationToken);

        public override void Clear() => Count = _present = 0;
    }

    /// <summary>A text column: codes, ids, <c>;</c>-joined lists, fault messages.</summary>
    /// <remarks>A block holds the strings a row; a row group the non-null ones as memory, as the writer takes them: each allocates only its own.</remarks>
    private sealed class Text(DataField dataField, bool nullable, Func<StudyRow, string?> value, int capacity) : ColumnBuffer
    {
        private readonly int[] _levels = nullable ? new int[capacity] : [];
        private string?[]? _strings;
        private ReadOnlyMemory<char>[]? _values;
        private int _present;

        public override DataField Field => dataField;

        public override void Fill(ReadOnlySpan<StudyRow> rows)
        {
            _strings ??= new string?[capacity];
            foreach (var row in rows)
            {
                _strings[Count++] = value(row);
            }
        }

        public override void Append(ColumnBuffer block, int start, int count)
        {
            _values ??= new ReadOnlyMemory<char>[capacity];
            var from = ((Text)block)._strings!;
            for (var i = start; i < start + count; i++)
            {
                var item = from[i];
                if (nullable)
                {
                    _levels[Count] = item is null ? 0 : 1;
                }

                Count++;
                if (item is not null)
                {
                    _values[_present++] = item.AsMemory();
                }
            }
        }

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) => nullable
            ? writer.WriteAllPartsAsync<ReadOnlyMemory<char>>(dataField, _values.AsMemory(0, _present), _levels.AsMemory(0, Count), null, cancellationToken)
            : writer.WriteAsync<ReadOnlyMemory<char>>(dataField, _values.AsMemory(0, Count), null, null, cancellationToken);

        public override void Clear()
        {
            if (_strings is not null)
            {
                Array.Clear(_strings, 0, Count);
            }

            if (_values is not null)
            {
                Array.Clear(_values, 0, _present);
            }

            Count = _present = 0;
        }
    }
}
