using SciaticaAdvisor.Memory;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>The run's bound on the young generation: a collection once the bound is allocated, none without one.</summary>
public sealed class YoungGenerationBoundTests
{
    [Fact]
    public void Check_AfterTheBoundIsAllocated_AsksForAYoungCollection()
    {
        var bound = new YoungGenerationBound(1024 * 1024);

        // Other tests allocate and collect in this process too, and a collection of the runtime's own restarts
        // the count; so allocate past the bound window after window until one is the bound's to collect.
        for (var window = 0; window < 200 && bound.Induced == 0; window++)
        {
            var collections = GC.CollectionCount(0);
            Allocate(2 * 1024 * 1024);
            bound.Check();
            if (bound.Induced > 0)
            {
                GC.CollectionCount(0).Should().BeGreaterThan(collections);
            }
        }

        bound.Induced.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Check_WithABoundOfZero_LeavesTheRuntimeItsOwn()
    {
        var bound = new YoungGenerationBound(0);
        for (var window = 0; window < 20; window++)
        {
            Allocate(2 * 1024 * 1024);
            bound.Check();
        }

        bound.Induced.Should().Be(0);
    }

    private static void Allocate(int bytes)
    {
        for (var i = 0; i < bytes / 1024; i++)
        {
            GC.KeepAlive(new byte[1000]);
        }
    }
}
