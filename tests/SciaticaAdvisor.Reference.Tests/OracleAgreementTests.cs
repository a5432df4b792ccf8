using System.Collections.Concurrent;
using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using Xunit.Abstractions;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>
/// The rule-engine library and the hand-coded reading of GUIDANCE must agree on what GUIDANCE
/// fixes, for every input class: which styles are advised, each advised style's pressure and focus
/// areas (G8), contraindications and their levels, referral urgency, status and current phase.
/// Scores and the order beyond the placements are each implementation's own choice, so they are
/// not compared; both keep the placements and invariant 7 (scores agree with ranks), which the
/// library checks on every advice and InvariantTests checks on the oracle's.
/// </summary>
[Trait("Category", "Exhaustive")]
[CpuCost(53)]
public class OracleAgreementTests(ITestOutputHelper output)
{
    private static readonly Advisor Batched = SharedAdvisors.Uncached;
    private static readonly HandCodedAdvisor Oracle = new();

    [Fact]
    public void Library_AgreesWithHandCodedGuidance_AndTheOracleKeepsEveryInvariant_OnEveryInputClass()
    {
        // One pass over the ~958,896 classes checks two things, so they are enumerated once: the
        // library's AdviseMany (uncached, so every class runs through a shared engine session)
        // against the oracle, and the oracle's own invariants and placements (ranking throws where
        // the placements cannot all hold). That AdviseMany gives every class the bytes Advise gives
        // it is checked on 100,000 sampled profiles (RulesEngineAgreementTests) and on
        // scenarios, input classes and populations at several chunk sizes (AdviseManyTests).
        var disagreements = new ConcurrentDictionary<string, (SymptomProfile Profile, int Count)>(StringComparer.Ordinal);
        var oracleViolations = new ConcurrentQueue<string>();
        // As many workers as cores, no more: without the bound Parallel.ForEach kept asking the thread
        // pool for more and more threads (63 in a measured pass on 2 busy cores) and the pass cost
        // 2.1x the CPU, most of it in garbage collections that had to stop every one of them.
        Parallel.ForEach(InputClasses.All().Chunk(512), Cores.Bounded, chunk =>
        {
            var library = Batched.AdviseMany(chunk);
            for (var i = 0; i < chunk.Length; i++)
            {
                var profile = chunk[i];
                var oracle = Oracle.Advise(profile);
                // Differences builds strings for every part it compares: only where the cheap check finds one.
                if (!Agree(library[i], oracle))
                {
                    foreach (var difference in Differences(library[i], oracle))
                    {
                        disagreements.AddOrUpdate(difference, (profile, 1), (_, seen) => seen with { Count = seen.Count + 1 });
                    }
                }

                if (oracleViolations.Count < 20)
                {
                    foreach (var violation in InvariantChecker.Check(profile, oracle).Concat(GuidancePlacements.Violations(profile, oracle)))
                    {
                        oracleViolations.Enqueue($"{AdvisorJson.Serialize(profile)} -> {violation}");
                    }
                }
            }
        });

        output.WriteLine($"{InputClasses.Count} input classes compared; {disagreements.Count} kinds of disagreement");
        foreach (var (difference, (profile, count)) in disagreements.OrderBy(d => d.Key, StringComparer.Ordinal).Take(20))
        {
            output.WriteLine($"{difference} ({count}x), e.g. {AdvisorJson.Serialize(profile)}");
        }

        disagreements.Should().BeEmpty();
        oracleViolations.Should().BeEmpty("the hand-coded oracle keeps every invariant and placement on every input class");
    }

    /// <summary>
    /// True only where <see cref="Differences"/> finds none, without allocating: same status,
    /// referral urgency and phase, the same contraindications in order, and the same styles (none
    /// repeated) each with the same pressure and focus areas. False sends the pair to Differences.
    /// </summary>
    private static bool Agree(MassageAdvice library, MassageAdvice oracle)
    {
        if (library.Status != oracle.Status
            || library.Referral?.Urgency != oracle.Referral?.Urgency
            || library.Plan?.CurrentPhase != oracle.Plan?.CurrentPhase
            || library.Styles.Length != oracle.Styles.Length
            || library.Contraindications.Length != oracle.Contraindications.Length)
        {
            return false;
        }

        for (var i = 0; i < library.Contraindications.Length; i++)
        {
            if (library.Contraindications[i].Style != oracle.Contraindications[i].Style
                || library.Contraindications[i].Level != oracle.Contraindications[i].Level)
            {
                return false;
            }
        }

        foreach (var style in library.Styles)
        {
            StyleAdvice? match = null;
            var inLibrary = 0;
            var inOracle = 0;
            foreach (var candidate in library.Styles)
            {
                inLibrary += candidate.Style == style.Style ? 1 : 0;
            }

            foreach (var candidate in oracle.Styles)
            {
                if (candidate.Style == style.Style)
                {
                    inOracle++;
                    match = candidate;
                }
            }

            if (inLibrary != 1 || inOracle != 1 || match!.Pressure != style.Pressure || !SameSet(match.FocusAreas, style.FocusAreas))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The same elements as many times each, in any order.</summary>
    private static bool SameSet(ImmutableArray<FocusArea> a, ImmutableArray<FocusArea> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        foreach (var area in a)
        {
            var inA = 0;
            var inB = 0;
            foreach (var x in a)
            {
                inA += x == area ? 1 : 0;
            }

            foreach (var x in b)
            {
                inB += x == area ? 1 : 0;
            }

            if (inA != inB)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> Differences(MassageAdvice library, MassageAdvice oracle)
    {
        if (library.Status != oracle.Status)
        {
            yield return $"status: library {library.Status}, oracle {oracle.Status}";
        }

        var libraryStyles = library.Styles.Select(s => s.Style).Order().ToList();
        var oracleStyles = oracle.Styles.Select(s => s.Style).Order().ToList();
        if (!libraryStyles.SequenceEqual(oracleStyles))
        {
            yield return $"styles: library [{string.Join(", ", libraryStyles)}], oracle [{string.Join(", ", oracleStyles)}]";
        }

        var libraryShapes = Shapes(library);
        var oracleShapes = Shapes(oracle);
        if (!libraryShapes.SequenceEqual(oracleShapes))
        {
            yield return $"pressure and focus: library [{string.Join(", ", libraryShapes)}], oracle [{string.Join(", ", oracleShapes)}]";
        }

        var libraryLevels = library.Contraindications.Select(c => $"{c.Style}:{c.Level}");
        var oracleLevels = oracle.Contraindications.Select(c => $"{c.Style}:{c.Level}");
        if (!libraryLevels.SequenceEqual(oracleLevels))
        {
            yield return $"contraindications: library [{string.Join(", ", libraryLevels)}], oracle [{string.Join(", ", oracleLevels)}]";
        }

        if (library.Referral?.Urgency != oracle.Referral?.Urgency)
        {
            yield return $"referral: library {library.Referral?.Urgency}, oracle {oracle.Referral?.Urgency}";
        }

        if (library.Plan?.CurrentPhase != oracle.Plan?.CurrentPhase)
        {
            yield return $"phase: library {library.Plan?.CurrentPhase}, oracle {oracle.Plan?.CurrentPhase}";
        }
    }

    /// <summary>Each advised style, in style order, with its pressure and focus areas.</summary>
    private static List<string> Shapes(MassageAdvice advice) =>
        [.. advice.Styles.OrderBy(s => s.Style).Select(s => $"{s.Style}:{s.Pressure}:{string.Join("+", s.FocusAreas.Order())}")];
}
