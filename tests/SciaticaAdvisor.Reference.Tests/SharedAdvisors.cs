namespace SciaticaAdvisor.Reference.Tests;

/// <summary>
/// The advisors more than one test class here uses, built once for the assembly: each build
/// compiles the rule set and JIT-compiles its lambdas again, and advice is immutable and thread-safe.
/// </summary>
internal static class SharedAdvisors
{
    /// <summary>The default rules without the advice cache: every profile runs through the engine.</summary>
    public static Advisor Uncached { get; } = new AdvisorBuilder().UseAdviceCache(0).Build();
}
