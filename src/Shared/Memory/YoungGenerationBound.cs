namespace SciaticaAdvisor.Memory;

/// <summary>
/// Keeps what a long run (<c>batch</c>, a study's sweep) allocates between two collections of the young
/// generation (gen0) near a bound, so that the process's peak memory follows what the run holds rather
/// than the size of the processor's cache.
/// </summary>
/// <remarks>
/// <para>
/// Why: the workstation GC sizes its gen0 budget from the last-level cache (4/5 of it). The project's
/// 2-core machine reports a 105 MB L3, so the runtime lets gen0 grow to about 84 MB before it collects,
/// and every page of it stays resident: a batch peaked at 160 MB on 100,000 profiles, of which the
/// advisor, its cache and the runtime are about 110 MB; a 1,000,000-profile sweep holds about 70 MB
/// live yet peaked near 300 MB. The budget can only be set at start, by the environment
/// (<c>DOTNET_GCgen0size</c>; the runtime reads no <c>runtimeconfig.json</c> name for it, tried), which
/// neither a tool nor a library can set for its own process. So the run asks for a gen0 collection
/// itself once <see cref="Bytes"/> have been allocated since the last one: a gen0 collection costs what
/// survives it (the chunks in flight, the cache's or the memo's new classes), not what died, so
/// collecting more often costs little (measured in docs/performance.md).
/// </para>
/// <para>
/// Shared source (src/Shared/README.md): compiled into sciatica-advisor (<c>batch</c>) and
/// SciaticaAdvisor.Authoring (studies). Called by the run's writer once a chunk or block; reading the
/// counters costs well under a microsecond. A bound of 0 never collects.
/// </para>
/// </remarks>
internal sealed class YoungGenerationBound(long bytes)
{
    /// <summary>
    /// The default bound: 16 MiB, a fifth of what this machine's runtime would allow. Peak RSS of
    /// <c>batch</c> over 1,000,000 sampled profiles, quiet, since the advice cache holds no references
    /// (docs/performance.md, "A cache without references"): 8 MiB 111–113 MB with 664–673 collections
    /// and 0.83 s of pauses, 16 MiB 115 MB with 381 and 0.56 s, of which the bound asked for 2 or 3: the
    /// runtime's own budget came first there, and the bound is the cap it is meant to be. (Before it, under load: 16 MiB 172 MB,
    /// 8 MiB 156 and 167 MB, the runtime's own budget 180 MB.) A 1,000,000 × 3 sweep: 245 and 250 MB at
    /// 16 MiB, 227 and 254 MB at 8.
    /// </summary>
    public const long DefaultBytes = 16L * 1024 * 1024;

    private int _collections = GC.CollectionCount(0);
    private long _allocatedAtCollection = GC.GetTotalAllocatedBytes(precise: false);

    public long Bytes => bytes;

    /// <summary>How many collections this bound asked for.</summary>
    public int Induced { get; private set; }

    /// <summary>Collects gen0 when the bound has been allocated since the last collection the runtime made or was asked for.</summary>
    public void Check()
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var collections = GC.CollectionCount(0);
        if (collections != _collections)
        {
            // The runtime collected on its own (or a larger generation did): count from here.
            _collections = collections;
            _allocatedAtCollection = allocated;
            return;
        }

        if (bytes == 0 || allocated - _allocatedAtCollection < bytes)
        {
            return;
        }

        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        Induced++;
        _collections = GC.CollectionCount(0);
        _allocatedAtCollection = GC.GetTotalAllocatedBytes(precise: false);
    }
}
