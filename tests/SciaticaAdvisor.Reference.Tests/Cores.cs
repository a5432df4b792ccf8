namespace SciaticaAdvisor.Reference.Tests;

/// <summary>How the exhaustive passes spread over the machine.</summary>
internal static class Cores
{
    /// <summary>
    /// One worker per core. Parallel.ForEach without a bound keeps asking the thread pool for more
    /// threads while every worker is busy (each worker queues another), so a pass of minutes ends up
    /// on dozens of threads that all allocate: every garbage collection must stop them all, which on
    /// a busy 2-core machine cost more CPU than the advice itself (docs/testing.md, "Where the time goes").
    /// </summary>
    public static ParallelOptions Bounded { get; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
