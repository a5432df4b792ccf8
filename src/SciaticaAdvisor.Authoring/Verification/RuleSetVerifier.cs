using System.Collections.Concurrent;
using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Inspection;

namespace SciaticaAdvisor.Verification;

/// <summary>Checks a rule set's advice against the guidance invariants on every input class its conditions distinguish.</summary>
/// <remarks>
/// Scalar fields enter in full. Set fields are crossed by interaction strength: the strongest that
/// keeps the count within the budget (see <see cref="VerificationReport.Strength"/>).
/// </remarks>
public static class RuleSetVerifier
{
    /// <summary>The default budget: about a minute on two cores for the default rule set.</summary>
    public const long DefaultBudget = 3_000_000;

    /// <summary>How many classes one parallel work item advises together.</summary>
    private const int ChunkProfiles = 256;

    /// <summary>Advises every profile of the input classes and checks each advice.</summary>
    /// <param name="advisor">The advisor whose rule set to check.</param>
    /// <param name="budget">The most profiles to check.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>What was checked and every violation found.</returns>
    public static VerificationReport Verify(Advisor advisor, long budget = DefaultBudget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        var inspection = RuleSetInspection.Of(advisor);
        var space = inspection.InputClasses(budget);
        var found = new ConcurrentDictionary<string, (SymptomProfile Profile, int Weight, long Count)>(StringComparer.Ordinal);
        // One worker per core: unbounded, Parallel.ForEach keeps asking the thread pool for more
        // threads while every worker is busy, and dozens of allocating threads make every garbage
        // collection dearer than the advice (docs/testing.md, "Where the time goes").
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        // Chunks, so the classes share engine sessions (AdviseMany's batch path) rather than one each.
        Parallel.ForEach(space.Enumerate().Chunk(ChunkProfiles), options, chunk =>
        {
            var advices = new MassageAdvice?[chunk.Length];
            var faults = new RuleSetFaultException?[chunk.Length];
            inspection.AdviseUnchecked(chunk, advices, faults);
            for (var i = 0; i < chunk.Length; i++)
            {
                var profile = chunk[i];
                var problems = faults[i] is { } fault ? [fault.Fault] : AdviceInvariants.Check(profile, advices[i]!);
                foreach (var problem in problems)
                {
                    var weight = profile.Symptoms.Count + profile.RedFlags.Count + profile.Conditions.Count + profile.AvoidStyles.Count;
                    found.AddOrUpdate(problem, (profile, weight, 1), (_, seen) =>
                        weight < seen.Weight ? (profile, weight, seen.Count + 1) : seen with { Count = seen.Count + 1 });
                }
            }
        });

        return new VerificationReport
        {
            Checked = space.Count,
            ScalarClasses = space.ScalarClasses,
            SetCombinations = space.SetCombinations,
            Strength = space.Strength,
            Violations = [.. found.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new InvariantViolation(f.Key, f.Value.Profile, f.Value.Count))],
        };
    }
}
