using Parquet;
using Parquet.Schema;

namespace SciaticaAdvisor.Studies;

/// <summary>One column's values for the row group being filled, typed as the Parquet column is.</summary>
internal abstract class ColumnBuffer(int capacity)
{
    protected int Count { get; private set; }

    protected int Capacity => capacity;

    public abstract DataField Field { get; }

    public static ColumnBuffer For(StudyColumn column, int capacity, Dictionary<string, string> pool) => column switch
    {
        TextColumn text => new Text(text, capacity, pool),
        IntColumn number => new Int(number, capacity),
        LongColumn number => new Long(number, capacity),
        DoubleColumn number => new Double(number, capacity),
        BoolColumn flag => new Bool(flag, capacity),
        _ => throw new ArgumentException($"no Parquet type for column '{column.Name}'", nameof(column)),
    };

    public void Add(StudyRow row)
    {
        Set(Count, row);
        Count++;
    }

    public void Clear() => Count = 0;

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken);

    protected abstract void Set(int index, StudyRow row);

    private sealed class Text(TextColumn column, int capacity, Dictionary<string, string> pool) : ColumnBuffer(capacity)
    {
        private const int MaxPooled = 1 << 16;
        private readonly string?[] _values = new string?[capacity];

        public override DataField Field { get; } = new DataField<string>(column.Name, column.Nullable);

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) =>
            writer.WriteAsync(Field, new ArraySegment<string>(_values!, 0, Count), null);

        protected override void Set(int index, StudyRow row)
        {
            // Joined lists (fired rules, styles) repeat across rows: keep one copy while the group fills.
            var value = column.Value(row);
            if (value is not null)
            {
                if (pool.TryGetValue(value, out var pooled))
                {
                    value = pooled;
                }
                else if (pool.Count < MaxPooled)
                {
                    pool[value] = value;
                }
            }

            _values[index] = value;
        }
    }

    private sealed class Int(IntColumn column, int capacity) : ColumnBuffer(capacity)
    {
        private readonly int?[] _nullable = column.Nullable ? new int?[capacity] : [];
        private readonly int[] _values = column.Nullable ? [] : new int[capacity];

        public override DataField Field { get; } = column.Nullable ? new DataField<int?>(column.Name) : new DataField<int>(column.Name);

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) => column.Nullable
            ? writer.WriteAsync<int>(Field, _nullable.AsMemory(0, Count), null, null, cancellationToken)
            : writer.WriteAsync<int>(Field, _values.AsMemory(0, Count), null, null, cancellationToken);

        protected override void Set(int index, StudyRow row)
        {
            if (column.Nullable)
            {
                _nullable[index] = column.Value(row);
            }
            else
            {
                _values[index] = column.Value(row)!.Value;
            }
        }
    }

    private sealed class Long(LongColumn column, int capacity) : ColumnBuffer(capacity)
    {
        private readonly long[] _values = new long[capacity];

        public override DataField Field { get; } = new DataField<long>(column.Name);

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) =>
            writer.WriteAsync<long>(Field, _values.AsMemory(0, Count), null, null, cancellationToken);

        protected override void Set(int index, StudyRow row) => _values[index] = column.Value(row);
    }

    private sealed class Double(DoubleColumn column, int capacity) : ColumnBuffer(capacity)
    {
        private readonly double?[] _values = new double?[capacity];

        public override DataField Field { get; } = new DataField<double?>(column.Name);

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) =>
            writer.WriteAsync<double>(Field, _values.AsMemory(0, Count), null, null, cancellationToken);

        protected override void Set(int index, StudyRow row) => _values[index] = column.Value(row);
    }

    private sealed class Bool(BoolColumn column, int capacity) : ColumnBuffer(capacity)
    {
        private readonly bool[] _values = new bool[capacity];

        public override DataField Field { get; } = new DataField<bool>(column.Name);

        public override Task WriteAsync(ParquetRowGroupWriter writer, CancellationToken cancellationToken) =>
            writer.WriteAsync<bool>(Field, _values.AsMemory(0, Count), null, null, cancellationToken);

        protected override void Set(int index, StudyRow row) => _values[index] = column.Value(row);
    }
}
