using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Memory;
using SciaticaAdvisor.Populations;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// Advises a stream of batch items in parallel and writes the answers in input order.
/// </summary>
/// <remarks>
/// Items are cut into chunks; each chunk is advised on the thread pool as soon as it is read, and
/// its task queues in a bounded channel. A chunk's answers are written by its worker as UTF-8 lines
/// in one buffer, so the writer has one write a chunk and no per-line work. The writer awaits the
/// tasks in queue order, so the output keeps the input's order while the cores work ahead, and the
/// bound keeps memory flat: at most a few chunks are in flight, whatever the input's size. Their
/// buffers (a few hundred KB, on the large-object heap, which only a full collection empties) are
/// reused rather than allocated per chunk.
/// </remarks>
internal sealed class BatchPipeline(
    IProfileAdvisor advisor, int chunkLines, long youngGenerationBytes = YoungGenerationBound.DefaultBytes, int chunksPerCore = BatchPipeline.DefaultChunksPerCore)
{
    /// <summary>
    /// How many chunks a core may be read ahead of the one being written by default. A chunk of
    /// first-seen classes takes many times as long as one of cache hits, and the writer waits for it
    /// in order; at two a core the reader stopped for a full queue on 649 of 1,563 chunks and the
    /// writer waited on 523 (100,000 sampled profiles), leaving cores idle behind one slow chunk.
    /// Eight against four, a million sampled profiles, ten pairs of the same build: more profiles a
    /// second in 9 of them, 1.76–1.81 cores busy against 1.70–1.79, 123–126 MB peak RSS against 117
    /// (docs/performance.md, "Eight chunks a core").
    /// </summary>
    public const int DefaultChunksPerCore = 8;

    /// <summary>A chunk closes at this many bytes of input even before it has its lines, so long lines do not pile up.</summary>
    private const int ChunkBytes = 4 * 1024 * 1024;

    private readonly ConcurrentBag<ArrayBufferWriter<byte>> _buffers = [];

    /// <summary>Chunks read but not yet advised, the one the writer waits for included.</summary>
    private int _unfinished;

    /// <summary>How many chunks are advised at once, over the run.</summary>
    private readonly AdvisingClock _clock = new(Environment.ProcessorCount);

    /// <summary>
    /// The most chunks read ahead whatever the core count: what four a core gave 32 cores. A chunk holds
    /// up to 4 MiB of input (long lines), so eight a core on 64 cores could otherwise hold 2 GiB.
    /// </summary>
    public const int MaxInFlight = 128;

    /// <summary>How many chunks may be read ahead of the one being written: <c>chunksPerCore</c> a core, at least 4 and at most <see cref="MaxInFlight"/>.</summary>
    public int InFlight { get; } = Math.Clamp(Environment.ProcessorCount * Math.Max(1, chunksPerCore), 4, MaxInFlight);

    /// <summary>The JSON of the advices the exact cache hands out again, shared by the run's chunks.</summary>
    private readonly AdviceBytesMemo _memo = new();

    private readonly YoungGenerationBound? _young = youngGenerationBytes > 0 ? new YoungGenerationBound(youngGenerationBytes) : null;

    /// <summary>What the last run did, for <c>SCIATICA_BATCH_STATS</c> and tests.</summary>
    public BatchPipelineStats Stats { get; } = new();

    /// <summary>The memo of advice JSON the run's chunks share.</summary>
    internal AdviceBytesMemo Memo => _memo;

    /// <param name="items">The items, in input order.</param>
    /// <param name="write">Writes one chunk's answers; called in input order, one chunk at a time.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <param name="inputDigest">Fed every item in input order; each chunk carries its value after the chunk's last item.</param>
    public async Task RunAsync(IEnumerable<BatchItem> items, Func<AnsweredChunk, ValueTask> write, CancellationToken cancellationToken, System.IO.Hashing.XxHash128? inputDigest = null)
    {
        var inFlight = Channel.CreateBounded<Task<AnsweredChunk>>(new BoundedChannelOptions(InFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(items, inFlight.Writer, inputDigest, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var chunk in inFlight.Reader.ReadAllAsync(CancellationToken.None))
            {
                Stats.Chunks++;

                // A wait for the only chunk left unfinished leaves every other core without a chunk to
                // advise: how often, and for how long (wall time), says what the bound of chunks in flight costs.
                var alone = false;
                var since = 0L;
                if (!chunk.IsCompleted)
                {
                    Stats.WriterWaits++;
                    alone = Volatile.Read(ref _unfinished) == 1;
                    since = alone ? Stopwatch.GetTimestamp() : 0;
                }

                var answered = await chunk;
                if (alone)
                {
                    Stats.LoneWaits++;
                    Stats.LoneWaitTime += Stopwatch.GetElapsedTime(since);
                }

                await write(answered);
                answered.Buffer.ResetWrittenCount();
                _buffers.Add(answered.Buffer);
                _young?.Check();
            }

            Stats.InducedCollections = _young?.Induced ?? 0;
            Stats.Advising = _clock;
        }
        catch
        {
            // Stop the reader and observe what it left, then let the first failure through.
            await stop.CancelAsync();
            await Drain(inFlight.Reader);
            await Observe(producer);
            throw;
        }

        // A failure to read the input ends the channel early and surfaces here.
        await producer;
    }

    private async Task ProduceAsync(IEnumerable<BatchItem> items, ChannelWriter<Task<AnsweredChunk>> chunks, System.IO.Hashing.XxHash128? inputDigest, CancellationToken cancellationToken)
    {
        try
        {
            var chunk = new List<BatchItem>(chunkLines);
            var bytes = 0;
            foreach (var item in items)
            {
                chunk.Add(item);
                bytes += item.Size;
                if (inputDigest is not null)
                {
                    RunRecord.Add(inputDigest, item);
                }

                if (chunk.Count >= chunkLines || bytes >= ChunkBytes)
                {
                    var answer = Advise(chunk, inputDigest?.GetCurrentHash());
                    if (!chunks.TryWrite(answer))
                    {
                        // The writer is the bound's length behind: the reader waits for it.
                        Stats.ReaderWaits++;
                        await chunks.WriteAsync(answer, cancellationToken);
                    }

                    chunk = new List<BatchItem>(chunkLines);
                    bytes = 0;
                }
            }

            if (chunk.Count > 0)
            {
                await chunks.WriteAsync(Advise(chunk, inputDigest?.GetCurrentHash()), cancellationToken);
            }
        }
        finally
        {
            chunks.Complete();
        }
    }

    private Task<AnsweredChunk> Advise(List<BatchItem> chunk, byte[]? inputDigest)
    {
        Interlocked.Increment(ref _unfinished);
        _clock.Queued();
        return Task.Run(() =>
        {
            _clock.Started();
            try
            {
                // An advice line of the built-in rules is 2 to 5 KB.
                var buffer = _buffers.TryTake(out var kept) ? kept : new ArrayBufferWriter<byte>(chunk.Count * 8192);
                using var answer = new BatchAnswer(buffer, _memo);
                var counts = new BatchSummary();
                answer.WriteAll(chunk, advisor, counts);

                return new AnsweredChunk(buffer, counts, chunk.Count, inputDigest);
            }
            finally
            {
                Interlocked.Decrement(ref _unfinished);
                _clock.Finished();
            }
        });
    }

    private static async Task Drain(ChannelReader<Task<AnsweredChunk>> reader)
    {
        while (reader.TryRead(out var task))
        {
            await Observe(task);
        }
    }

    private static async Task Observe(Task task)
    {
        try
        {
            await task;
        }
#pragma warning disable CA1031 // The first failure is already on its way up; this one is a leftover.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}

/// <summary>The answers to one chunk of items: their output lines as UTF-8, each ending in a line feed, and what they were.</summary>
/// <param name="Buffer">The output lines.</param>
/// <param name="Counts">What the answers were.</param>
/// <param name="Items">How many input items (and so output lines) the chunk holds.</param>
/// <param name="InputDigest">The input digest after the chunk's last item, when the run keeps one.</param>
/// <remarks>The buffer is reused once the chunk is written: a writer must not keep <see cref="Lines"/>.</remarks>
internal sealed record AnsweredChunk(ArrayBufferWriter<byte> Buffer, BatchSummary Counts, int Items, byte[]? InputDigest)
{
    public ReadOnlyMemory<byte> Lines => Buffer.WrittenMemory;
}

/// <summary>Counts of one run's pipeline: where it waited, and what it did to bound memory.</summary>
internal sealed class BatchPipelineStats
{
    /// <summary>Chunks written.</summary>
    public int Chunks { get; set; }

    /// <summary>Chunks the writer had to wait for (not advised yet when their turn came).</summary>
    public int WriterWaits { get; set; }

    /// <summary>Chunks the reader could not queue at once because the bound of chunks in flight was reached.</summary>
    public int ReaderWaits { get; set; }

    /// <summary>Waits of the writer for a chunk that was the only one unfinished: no other chunk to advise meanwhile.</summary>
    public int LoneWaits { get; set; }

    /// <summary>How long those waits took in all (wall time: a measure only on an idle machine).</summary>
    public TimeSpan LoneWaitTime { get; set; }

    /// <summary>How many chunks were advised at once, when the run has ended.</summary>
    public AdvisingClock? Advising { get; set; }

    /// <summary>Young-generation collections the run asked for (see <see cref="YoungGenerationBound"/>).</summary>
    public int InducedCollections { get; set; }
}
