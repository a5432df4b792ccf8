namespace SciaticaAdvisor.Studies;

/// <summary>
/// Characters for the text cells that are built row by row (a <c>;</c>-joined list of fired rules, say):
/// each cell is a slice of a few large arrays, allocated once and reused when the arena is cleared, so a
/// row's text costs no object of its own.
/// </summary>
/// <remarks>
/// Why: the fired rules of a row are about 480 characters and nearly every row's are different (66,215
/// distinct lists in 200,000 sampled profiles), so they cannot be shared; as strings they lived exactly as
/// long as a row group, long enough to be promoted and short enough to die in the oldest generation, which
/// is what made the heap grow to twice its live size. A slice is valid until <see cref="Clear"/>.
/// </remarks>
internal sealed class TextArena(int chunkChars)
{
    private readonly List<char[]> _chunks = [];
    private int _chunk;
    private int _used;

    /// <summary>Room for <paramref name="length"/> characters, to be written at once; the slice is the cell.</summary>
    public Memory<char> Take(int length)
    {
        if (length == 0)
        {
            return Memory<char>.Empty;
        }

        while (true)
        {
            if (_chunk == _chunks.Count)
            {
                _chunks.Add(new char[Math.Max(chunkChars, length)]);
            }

            var chunk = _chunks[_chunk];
            if (chunk.Length - _used >= length)
            {
                var slice = chunk.AsMemory(_used, length);
                _used += length;
                return slice;
            }

            if (_used == 0)
            {
                // A cell larger than any chunk so far: this chunk is replaced by one that holds it.
                _chunks[_chunk] = new char[length];
                continue;
            }

            _chunk++;
            _used = 0;
        }
    }

    /// <summary>A copy of <paramref name="text"/> in the arena.</summary>
    public ReadOnlyMemory<char> Copy(ReadOnlySpan<char> text)
    {
        var slice = Take(text.Length);
        text.CopyTo(slice.Span);
        return slice;
    }

    /// <summary>Forgets every cell; the arrays are kept for the next rows.</summary>
    public void Clear()
    {
        _chunk = 0;
        _used = 0;
    }
}
