using System.Buffers;

namespace SciaticaAdvisor.Serialization;

/// <summary>
/// Bytes appended to an <see cref="IBufferWriter{T}"/> through one span at a time: a write is a
/// bounds check and a copy, and the sink is advanced only when the span runs out and at the end.
/// </summary>
/// <remarks>
/// The sink holds nothing of the output before <see cref="Commit"/> unless a span ran out, so a
/// writer that checks its input first (as <see cref="CompactAdviceWriter"/> does) leaves the sink as
/// it was when it throws.
/// </remarks>
internal ref struct Utf8Output
{
    private const int MinimumSpan = 4096;

    private readonly IBufferWriter<byte> _sink;
    private Span<byte> _span;
    private int _used;

    public Utf8Output(IBufferWriter<byte> sink, int sizeHint)
    {
        _sink = sink;
        _span = sink.GetSpan(Math.Max(sizeHint, MinimumSpan));
        _used = 0;
    }

    /// <summary>How many times the span ran out; a slice taken since a <see cref="Position"/> is whole only while this has not changed.</summary>
    public int Spans { get; private set; }

    /// <summary>Where the next byte goes in the current span.</summary>
    public readonly int Position => _used;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > _span.Length - _used)
        {
            Renew(bytes.Length);
        }

        bytes.CopyTo(_span[_used..]);
        _used += bytes.Length;
    }

    public void Write(byte value)
    {
        if (_used == _span.Length)
        {
            Renew(1);
        }

        _span[_used++] = value;
    }

    /// <summary>A span of at least <paramref name="length"/> bytes to write into; <see cref="Advance"/> says how many were written.</summary>
    public Span<byte> Reserve(int length)
    {
        if (length > _span.Length - _used)
        {
            Renew(length);
        }

        return _span[_used..];
    }

    public void Advance(int count) => _used += count;

    /// <summary>The bytes written since <paramref name="position"/>, when the span has not run out meanwhile (<paramref name="spans"/> is <see cref="Spans"/> then).</summary>
    public readonly bool TryWrittenSince(int position, int spans, out ReadOnlySpan<byte> written)
    {
        written = spans == Spans ? _span[position.._used] : default;
        return spans == Spans;
    }

    /// <summary>Hands what was written to the sink.</summary>
    public void Commit()
    {
        _sink.Advance(_used);
        _used = 0;
        _span = default;
    }

    private void Renew(int length)
    {
        _sink.Advance(_used);
        _used = 0;
        _span = _sink.GetSpan(Math.Max(length, MinimumSpan));
        Spans++;
    }
}
