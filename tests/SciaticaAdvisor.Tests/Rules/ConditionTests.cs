using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Rules;

public class ConditionTests
{
    private static bool Fires(string when, SymptomProfile profile)
    {
        var advisor = RuleText.Advisor($$"""
              - id: probe
                name: Probe
                guidance: G0
                when: {{when}}
                then: [ { note: probe fired } ]
            """);
        return advisor.Advise(profile).Trace.Any(t => t.RuleId == "probe");
    }

    private static readonly SymptomProfile Base = RuleText.Profile() with
    {
        PainIntensity = 5,
        SymptomWeeks = 12,
        Symptoms = [Symptom.Tingling, Symptom.ButtockPain],
    };

    [Theory]
    [InlineData("{ cause: piriformisSyndrome }", true)]
    [InlineData("{ cause: herniatedDisc }", false)]
    [InlineData("{ cause: [herniatedDisc, piriformisSyndrome] }", true)]
    [InlineData("{ cause: [herniatedDisc, spinalStenosis] }", false)]
    public void EnumField_EqualityAndMembership(string when, bool expected) => Fires(when, Base).Should().Be(expected);

    [Theory]
    [InlineData("{ diagnosisConfirmed: true }", true)]
    [InlineData("{ clinicianApproved: false }", false)]
    public void BooleanField_Equality(string when, bool expected) => Fires(when, Base).Should().Be(expected);

    [Theory]
    [InlineData("{ painIntensity: 5 }", true)]
    [InlineData("{ painIntensity: 4 }", false)]
    [InlineData("{ painIntensity: { atLeast: 5 } }", true)]
    [InlineData("{ painIntensity: { atLeast: 6 } }", false)]
    [InlineData("{ painIntensity: { atMost: 5 } }", true)]
    [InlineData("{ painIntensity: { atMost: 4 } }", false)]
    [InlineData("{ painIntensity: { above: 4 } }", true)]
    [InlineData("{ painIntensity: { above: 5 } }", false)]
    [InlineData("{ painIntensity: { below: 6 } }", true)]
    [InlineData("{ painIntensity: { below: 5 } }", false)]
    [InlineData("{ painIntensity: { atLeast: 4, atMost: 6 } }", true)]
    [InlineData("{ symptomWeeks: { given: true } }", true)]
    [InlineData("{ symptomWeeks: { given: false } }", false)]
    public void IntegerField_Comparisons(string when, bool expected) => Fires(when, Base).Should().Be(expected);

    [Theory]
    [InlineData("{ symptomWeeks: { atLeast: 0 } }", false)]
    [InlineData("{ symptomWeeks: { atMost: 520 } }", false)]
    [InlineData("{ symptomWeeks: { given: false } }", true)]
    public void IntegerField_NotGiven_FailsEveryComparison(string when, bool expected) =>
        Fires(when, Base with { SymptomWeeks = null }).Should().Be(expected);

    [Theory]
    [InlineData("{ symptoms: { any: [tingling, numbness] } }", true)]
    [InlineData("{ symptoms: { any: [numbness, legWeakness] } }", false)]
    [InlineData("{ symptoms: { all: [tingling, buttockPain] } }", true)]
    [InlineData("{ symptoms: { all: [tingling, numbness] } }", false)]
    [InlineData("{ symptoms: { none: [numbness] } }", true)]
    [InlineData("{ symptoms: { none: [tingling] } }", false)]
    [InlineData("{ symptoms: { empty: false } }", true)]
    [InlineData("{ redFlags: { empty: true } }", true)]
    [InlineData("{ symptoms: { any: [tingling], none: [buttockPain] } }", false)]
    public void SetField_ContainsAnyAllNoneEmpty(string when, bool expected) => Fires(when, Base).Should().Be(expected);

    [Theory]
    [InlineData("{ all: [ { cause: piriformisSyndrome }, { painIntensity: 5 } ] }", true)]
    [InlineData("{ all: [ { cause: piriformisSyndrome }, { painIntensity: 4 } ] }", false)]
    [InlineData("{ any: [ { cause: herniatedDisc }, { painIntensity: 5 } ] }", true)]
    [InlineData("{ any: [ { cause: herniatedDisc }, { painIntensity: 4 } ] }", false)]
    [InlineData("{ not: { cause: herniatedDisc } }", true)]
    [InlineData("{ not: { cause: piriformisSyndrome } }", false)]
    [InlineData("{ all: [ { not: { any: [ { flare: acute }, { painSensitivity: high } ] } }, { symptoms: { any: [tingling] } } ] }", true)]
    public void Combinators_AllAnyNot(string when, bool expected) => Fires(when, Base).Should().Be(expected);

    [Fact]
    public void NoCondition_AlwaysFires() =>
        RuleText.Advisor("").Advise(Base).Trace.Select(t => t.RuleId).Should().Contain("base-phase");
}
