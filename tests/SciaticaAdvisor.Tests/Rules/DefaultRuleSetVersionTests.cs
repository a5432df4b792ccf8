using FluentAssertions;
using FsCheck.Xunit;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Tests.Scenarios;
using Xunit;

namespace SciaticaAdvisor.Tests.Rules;

/// <summary>
/// The built-in rule set is 1.1.0, and 1.0.0 is kept as it shipped in rules/history so clinics can
/// diff against it; 1.1.0 changes the advice only where GUIDANCE G6.4 and G7.3 changed.
/// </summary>
public sealed class DefaultRuleSetVersionTests
{
    /// <summary>The hash 1.0.0 advice carries in <c>ruleSet.sha256</c>, which clinics have stored.</summary>
    private const string Shipped100Sha256 = "f23b4f8e104b0aa25b71f2a42f4e5d69de460dd053f7a4a946238eee38fc7db1";

    private static readonly Advisor Current = Advisor.CreateDefault();

    private static readonly Advisor Version100 = new AdvisorBuilder()
        .AddRuleFile(Path.Combine(RepoPaths.Root, "rules", "history", "sciatica-massage-1.0.0.yaml"))
        .Build();

    private static readonly RuleSetInfo AnyRuleSet = new() { Name = "", Version = "", Sha256 = "" };

    [Fact]
    public void The_copy_in_rules_history_is_1_0_0_byte_for_byte_as_it_shipped()
    {
        Version100.RuleSet.Name.Should().Be("sciatica-massage");
        Version100.RuleSet.Version.Should().Be("1.0.0");
        Version100.RuleSet.Sha256.Should().Be(Shipped100Sha256);
    }

    [Fact]
    public void The_built_in_rule_set_is_1_1_0()
    {
        Current.RuleSet.Version.Should().Be("1.1.0");
        Current.RuleSet.Sha256.Should().NotBe(Shipped100Sha256);
    }

    [Property(Arbitrary = [typeof(ProfileGenerators)], MaxTest = 1000)]
    public bool Advise_NeitherPregnantNorLowerBackPainAfterSpinalSurgery_GivesTheAdviceOf1_0_0(SymptomProfile profile)
    {
        var unaffected = profile with
        {
            Conditions = [.. profile.Conditions.Where(c => c != HealthCondition.Pregnancy)],
            Symptoms = profile.Conditions.Contains(HealthCondition.RecentSpinalSurgery)
                ? [.. profile.Symptoms.Where(s => s != Symptom.LowerBackPain)]
                : profile.Symptoms,
        };

        return Content(Current.Advise(unaffected)) == Content(Version100.Advise(unaffected));
    }

    [Fact]
    public void Advise_Pregnancy_AvoidsDeepTissueWhere1_0_0_OnlyCautionedIt()
    {
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.SpinalStenosis,
            Flare = FlareState.None,
            PainSensitivity = PainSensitivity.Low,
            PainIntensity = 4,
            Conditions = [HealthCondition.Pregnancy],
            DiagnosisConfirmed = true,
            ClinicianApproved = true,
        };

        Level(Version100.Advise(profile), MassageStyle.DeepTissue).Should().Be(ContraindicationLevel.Caution);
        Level(Version100.Advise(profile), MassageStyle.Shiatsu).Should().BeNull();
        var advice = Current.Advise(profile);
        Level(advice, MassageStyle.DeepTissue).Should().Be(ContraindicationLevel.Avoid);
        Level(advice, MassageStyle.Shiatsu).Should().Be(ContraindicationLevel.Caution);
        advice.Styles.Should().NotContain(s => s.Style == MassageStyle.DeepTissue);
    }

    [Fact]
    public void Advise_PregnancyWithDeepTissueAllowedByAClinicLayer_StillCapsItsPressureAtModerate()
    {
        // Deep tissue is the only firm style and 1.1.0 avoids it in pregnancy, so the cap shows only
        // where a clinic's layer lets deep tissue back in.
        var layered = new AdvisorBuilder()
            .UseDefaultRules()
            .AddRules("name: clinic\nversion: 1\ndisable: [pregnancy-no-deep-tissue]\nrules: []\n", "clinic.yaml")
            .Build();
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.PiriformisSyndrome,
            Flare = FlareState.None,
            PainSensitivity = PainSensitivity.Low,
            PainIntensity = 4,
            Conditions = [HealthCondition.Pregnancy],
            DiagnosisConfirmed = true,
            ClinicianApproved = true,
        };

        var deepTissue = layered.Advise(profile).Styles.Single(s => s.Style == MassageStyle.DeepTissue);

        deepTissue.Pressure.Should().Be(Pressure.Moderate);
        deepTissue.RuleIds.Should().Contain("pregnancy-moderate-pressure");
    }

    private static ContraindicationLevel? Level(MassageAdvice advice, MassageStyle style) =>
        advice.Contraindications.SingleOrDefault(c => c.Style == style)?.Level;

    /// <summary>The advice without which rule set gave it.</summary>
    private static string Content(MassageAdvice advice) => AdvisorJson.Serialize(advice with { RuleSet = AnyRuleSet });
}
