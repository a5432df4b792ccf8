namespace SciaticaAdvisor.Reference;

/// <summary>
/// Picks the fields an input-class block does not cross from a fixed hash of the profile's place in
/// the block, so they vary independently of the crossed fields and the same every run.
/// </summary>
internal struct Spread
{
    private ulong _bits;

    public Spread(int block, long index)
    {
        // SplitMix64: consecutive indexes give unrelated bits.
        var z = unchecked(((ulong)block << 56) ^ (ulong)index) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        _bits = z ^ (z >> 31);
    }

    public T Pick<T>(T[] values)
    {
        var count = (ulong)values.Length;
        var pick = values[(int)(_bits % count)];
        _bits /= count;
        return pick;
    }

    public bool Coin() => Pick(Coins);

    private static readonly bool[] Coins = [false, true];
}
