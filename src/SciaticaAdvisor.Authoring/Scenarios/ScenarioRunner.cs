using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Scenarios;

/// <summary>Runs scenarios against an advisor and reports every expectation that does not hold.</summary>
/// <remarks>Thread-safe: it holds no state.</remarks>
public static class ScenarioRunner
{
    /// <summary>Advises on the scenario's profile and checks every expectation it gives.</summary>
    /// <param name="advisor">The advisor, with the rule set under test.</param>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The result: passed, or one message per unmet expectation. A rule-set fault is a failure, not an exception.</returns>
    public static ScenarioResult Run(Advisor advisor, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        ArgumentNullException.ThrowIfNull(scenario);
        var unknownRules = UnknownRuleIds(advisor, scenario.Expect);
        MassageAdvice advice;
        try
        {
            advice = advisor.Advise(scenario.Profile);
        }
        catch (RuleSetFaultException ex)
        {
            return new ScenarioResult { Scenario = scenario, Advice = null, Failures = [.. unknownRules, $"advice: the rule set is at fault: {ex.Fault}"] };
        }

        return new ScenarioResult { Scenario = scenario, Advice = advice, Failures = [.. unknownRules, .. ExpectationChecks.Check(scenario.Expect, advice)] };
    }

    /// <summary>Runs every scenario of a file, in file order.</summary>
    /// <param name="advisor">The advisor, with the rule set under test.</param>
    /// <param name="file">The scenario file.</param>
    /// <returns>One result per scenario.</returns>
    public static ImmutableArray<ScenarioResult> RunAll(Advisor advisor, ScenarioFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. file.Scenarios.Select(scenario => Run(advisor, scenario))];
    }

    private static IEnumerable<string> UnknownRuleIds(Advisor advisor, ScenarioExpectations expect)
    {
        var known = advisor.Rules.Select(rule => rule.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, ids) in new[] { ("rulesFired", expect.RulesFired), ("rulesNotFired", expect.RulesNotFired) })
        {
            foreach (var id in ids ?? [])
            {
                if (!known.Contains(id))
                {
                    yield return $"{key}: no rule '{id}' in the rule set";
                }
            }
        }
    }
}
