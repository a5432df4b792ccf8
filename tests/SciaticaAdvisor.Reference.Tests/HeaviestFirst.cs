using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("SciaticaAdvisor.Reference.Tests.HeaviestFirst", "SciaticaAdvisor.Reference.Tests")]

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>
/// How much CPU a test class costs, roughly, in seconds: <see cref="HeaviestFirst"/> starts the
/// dearest classes first, so the long exhaustive passes never begin last and leave a core idle at the end.
/// </summary>
/// <param name="seconds">User+sys CPU seconds of the class alone, as last measured (an ordering hint, not a limit).</param>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class CpuCostAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Orders the test collections (one per class here) by <see cref="CpuCostAttribute"/>, dearest
/// first, then by name. xunit starts collections in this order, as many at a time as
/// <c>maxParallelThreads</c> in <c>xunit.runner.json</c> allows (4); without it the order is a hash
/// of the names, and an exhaustive pass could start after the cheap classes and end the run alone.
/// </summary>
public sealed class HeaviestFirst : ITestCollectionOrderer
{
    /// <inheritdoc />
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderByDescending(Cost)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Cost(ITestCollection collection)
    {
        // An implicit collection is named "Test collection for <full class name>".
        const string Prefix = "Test collection for ";
        var name = collection.DisplayName.StartsWith(Prefix, StringComparison.Ordinal) ? collection.DisplayName[Prefix.Length..] : collection.DisplayName;
        return typeof(HeaviestFirst).Assembly.GetType(name)?.GetCustomAttribute<CpuCostAttribute>()?.Seconds ?? 0;
    }
}
