using SciaticaAdvisor.Memory;

namespace SciaticaAdvisor.Cli.Tests.Batch;

public sealed class YoungGenerationBoundTests
{
    [Fact]
    public void Check_AfterTheBoundIsAllocated_AsksForAGen0Collection()
    {
        var bound = new YoungGenerationBound(256 * 1024);
        var before = GC.CollectionCount(0);
        for (var i = 0; i < 200; i++)
        {
            Allocate(64 * 1024);
            bound.Check();
        }

        bound.Induced.Should().BeGreaterThan(0);
        GC.CollectionCount(0).Should().BeGreaterThanOrEqualTo(before + bound.Induced);
    }

    [Fact]
    public void Check_BelowTheBound_AsksForNothing()
    {
        var bound = new YoungGenerationBound(long.MaxValue);
        for (var i = 0; i < 50; i++)
        {
            Allocate(64 * 1024);
            bound.Check();
        }

        bound.Induced.Should().Be(0);
    }

    [Fact]
    public void Check_WithABoundOfZero_LeavesTheRuntimeItsOwn()
    {
        // The sweep's SCIATICA_STUDY_YOUNG_MB=0 (the same shared source, src/Shared/Memory).
        var bound = new YoungGenerationBound(0);
        for (var i = 0; i < 50; i++)
        {
            Allocate(64 * 1024);
            bound.Check();
        }

        bound.Induced.Should().Be(0);
    }

    private static void Allocate(int bytes)
    {
        // Small arrays, so they go to gen0 rather than the large-object heap.
        for (var allocated = 0; allocated < bytes; allocated += 1024)
        {
            GC.KeepAlive(new byte[1000]);
        }
    }
}
