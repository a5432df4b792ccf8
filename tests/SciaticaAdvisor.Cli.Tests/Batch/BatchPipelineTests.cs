using System.Text;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Populations;

namespace SciaticaAdvisor.Cli.Tests.Batch;

public sealed class BatchPipelineTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(BatchPipeline.DefaultChunksPerCore)]
    [InlineData(16)]
    [InlineData(1000)]
    public async Task Run_LongInput_ReadsOnlyABoundedDistanceAheadOfTheWriter(int chunksPerCore)
    {
        const int chunkLines = 8;
        var pulled = 0;
        var written = 0;
        var furthestAhead = 0;
        IEnumerable<BatchItem> Items()
        {
            for (var line = 1; line <= 100_000; line++)
            {
                Interlocked.Increment(ref pulled);
                yield return BatchItem.Rejected(line, "empty line");
            }
        }

        var pipeline = new BatchPipeline(new StubAdvisor(), chunkLines, chunksPerCore: chunksPerCore);
        await pipeline.RunAsync(
            Items(),
            chunk =>
            {
                written += chunk.Counts.Lines;
                furthestAhead = Math.Max(furthestAhead, Volatile.Read(ref pulled) - written);
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);

        written.Should().Be(100_000);
        pipeline.InFlight.Should().Be(Math.Clamp(Environment.ProcessorCount * chunksPerCore, 4, BatchPipeline.MaxInFlight));
        furthestAhead.Should().BeLessThanOrEqualTo((pipeline.InFlight + 3) * chunkLines);
    }

    [Fact]
    public async Task Run_ReadFailure_SurfacesAfterTheLinesBeforeIt()
    {
        var written = 0;
        IEnumerable<BatchItem> Items()
        {
            yield return BatchItem.Rejected(1, "empty line");
            throw new IOException("disk gone");
        }

        var act = () => new BatchPipeline(new StubAdvisor(), 1).RunAsync(
            Items(),
            chunk =>
            {
                written += chunk.Counts.Lines;
                return ValueTask.CompletedTask;
            },
            CancellationToken.None);

        await act.Should().ThrowAsync<IOException>().WithMessage("disk gone");
        written.Should().Be(1);
    }

    [Fact]
    public async Task Run_WriteFailure_StopsReadingAndSurfaces()
    {
        var pulled = 0;
        IEnumerable<BatchItem> Items()
        {
            for (var line = 1; ; line++)
            {
                pulled++;
                yield return BatchItem.Rejected(line, "empty line");
            }
        }

        var act = () => new BatchPipeline(new StubAdvisor(), 4).RunAsync(
            Items(), _ => throw new IOException("pipe closed"), CancellationToken.None);

        await act.Should().ThrowAsync<IOException>().WithMessage("pipe closed");
        pulled.Should().BeLessThan(1000);
    }

    [Fact]
    public async Task Run_AdvisorFailure_SurfacesAndStopsReading()
    {
        var pulled = 0;
        var profile = Encoding.UTF8.GetBytes("""{"cause":"piriformisSyndrome","flare":"none","painSensitivity":"low","painIntensity":6}""");
        IEnumerable<BatchItem> Items()
        {
            for (var line = 1; ; line++)
            {
                Interlocked.Increment(ref pulled);
                yield return BatchItem.Document(line, profile);
            }
        }

        var act = () => new BatchPipeline(new StubAdvisor(_ => new InvalidOperationException("the engine broke")), 4).RunAsync(
            Items(), _ => ValueTask.CompletedTask, CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("the engine broke");
        Volatile.Read(ref pulled).Should().BeLessThan(1000);
    }
}
