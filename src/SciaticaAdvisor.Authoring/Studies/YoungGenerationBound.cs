namespace SciaticaAdvisor.Studies;

/// <summary>
/// Keeps what a study run allocates between two collections of the young generation (gen0) near a
/// bound, so that the run's peak memory follows what it holds rather than the size of the processor's cache.
/// </summary>
/// <remarks>
/// <para>
/// Why: the workstation GC sizes its gen0 budget from the last-level cache, about 84 MB on the project's
/// machine, and every page of it stays resident. A 1,000,000-profile sweep holds about 70 MB live yet peaked
/// at 274–338 MB; started with <c>DOTNET_GCgen0size</c> at 16 MB it peaked at 249 MB (docs/performance.md,
/// "The sweep, fifth round"), but a library cannot set that for its process. So the run asks for a gen0
/// collection itself once <see cref="Bytes"/> have been allocated since the last one: a gen0 collection
/// costs what survives it (the chunks in flight, the memo's new classes), not what died.
/// </para>
/// <para>
/// The same bound as the CLI's <c>batch</c> (<c>SciaticaAdvisor.Cli.Batch.YoungGenerationBound</c>, which the
/// study cannot reach from this package). Called by the run's writer once a block; reading the counters
/// costs well under a microsecond.
/// </para>
/// </remarks>
internal sealed class YoungGenerationBound(long bytes)
{
    /// <summary>The default bound: 8 MiB, as <c>batch</c>'s.</summary>
    public const long DefaultBytes = 8L * 1024 * 1024;

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
