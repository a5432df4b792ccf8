using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Verification;
using Xunit.Abstractions;

namespace SciaticaAdvisor.Tests.Verification;

/// <summary>
/// The default rule set keeps every GUIDANCE invariant on every scalar input class (every enum
/// value, both booleans, integers split at every threshold the rules compare against) crossed with
/// the set-field combinations the budget allows; the count is written to the test output.
/// The oracle agreement test in SciaticaAdvisor.Reference.Tests covers a further 958,896 classes.
/// </summary>
public class DefaultRuleSetVerificationTests(ITestOutputHelper output)
{
    [Fact]
    public void DefaultRuleSet_KeepsEveryInvariant_OnEveryScalarClassCrossedWithSetCombinations()
    {
        var report = RuleSetVerifier.Verify(Advisor.CreateDefault(), budget: 300_000);

        output.WriteLine(report.ToString());
        foreach (var violation in report.Violations)
        {
            output.WriteLine($"{violation.Problem} ({violation.Occurrences}x): {AdvisorJson.Serialize(violation.Profile)}");
        }

        report.ScalarClasses.Should().Be(3240, "5 causes x 3 flares x 3 sensitivities x 3 pain classes x 3 symptomWeeks classes x 2 x 2 x 2");
        report.Checked.Should().BeGreaterThan(90_000);
        report.Violations.Should().BeEmpty();
    }
}
