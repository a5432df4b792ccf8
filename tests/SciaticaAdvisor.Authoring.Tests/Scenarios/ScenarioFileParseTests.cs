using FluentAssertions;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Scenario files are read strictly: every mistake is an error with its line and column.</summary>
public sealed class ScenarioFileParseTests
{
    private const string Valid = """
        scenarios:
          - name: Piriformis syndrome puts deep tissue first
            guidance: [G4.1]
            profile:
              cause: piriformisSyndrome
              flare: none
              painSensitivity: low
              painIntensity: 6
              symptoms: [buttockPain, worseWhenSitting]
              diagnosisConfirmed: true
              clinicianApproved: true
            expect:
              topStyle: deepTissue
              phase: intensive
              referral: none
              contraindications: { deepTissue: none, shiatsu: caution }
        """;

    [Fact]
    public void A_valid_file_gives_its_scenarios_with_profile_and_expectations()
    {
        var file = ScenarioFile.Parse(Valid, "valid.yaml");

        var scenario = file.Scenarios.Should().ContainSingle().Subject;
        scenario.Name.Should().Be("Piriformis syndrome puts deep tissue first");
        scenario.Guidance.Should().Equal("G4.1");
        scenario.Line.Should().Be(2);
        scenario.Source.Should().Be("valid.yaml");
        scenario.Profile.Cause.Should().Be(SciaticaCause.PiriformisSyndrome);
        scenario.Profile.PainIntensity.Should().Be(6);
        scenario.Profile.Symptoms.Should().BeEquivalentTo([Symptom.ButtockPain, Symptom.WorseWhenSitting]);
        scenario.Profile.ClinicianApproved.Should().BeTrue();
        scenario.Expect.TopStyle!.Value.Should().Equal(MassageStyle.DeepTissue);
        scenario.Expect.ChecksPhase.Should().BeTrue();
        scenario.Expect.Phase.Should().Be(PlanPhase.Intensive);
        scenario.Expect.ChecksReferral.Should().BeTrue();
        scenario.Expect.Referral.Should().BeNull();
        scenario.Expect.Contraindications!.Value.Should().Equal(
            new ExpectedContraindication(MassageStyle.DeepTissue, null),
            new ExpectedContraindication(MassageStyle.Shiatsu, ContraindicationLevel.Caution));
        scenario.Expect.Status.Should().BeNull("status was not given, so it is not checked");
    }

    [Theory]
    [InlineData("painIntensity: 6", "painIntensity: 11", 8, "$.painIntensity: must be between 0 and 10, was 11")]
    [InlineData("flare: none", "flare: acut", 6, "$.flare: unknown value 'acut'")]
    [InlineData("painIntensity: 6", "painIntensity: 6.0", 8, "$.painIntensity")]
    [InlineData("painIntensity: 6", "painIntensity: \"6\"", 8, "$.painIntensity")]
    [InlineData("painIntensity: 6", "painIntensity: 6\n      mood: grumpy", 9, "mood")]
    [InlineData("[buttockPain, worseWhenSitting]", "[buttockPain, sneezing]", 9, "$.symptoms[1]")]
    [InlineData("[buttockPain, worseWhenSitting]", "[buttockPain, buttockPain]", 9, "$.symptoms[1]")]
    [InlineData("      cause: piriformisSyndrome\n", "", 5, "$.cause")]
    public void A_profile_is_validated_as_strictly_as_any_input(string replace, string with, int line, string message)
    {
        var act = () => ScenarioFile.Parse(Valid.Replace(replace, with, StringComparison.Ordinal), "bad.yaml");

        var error = act.Should().Throw<ScenarioException>().Which;
        error.Problem.Should().StartWith("the profile is not valid: ").And.Contain(message);
        error.Line.Should().Be(line);
        error.Source.Should().Be("bad.yaml");
        error.Message.Should().StartWith($"bad.yaml:{line}:");
    }

    [Theory]
    [InlineData("topStyle: deepTissue", "topStyle: deepTisue", 13, "unknown style 'deepTisue'; expected one of shiatsu, deepTissue, lomiLomi, relaxation, reflexology")]
    [InlineData("topStyle: deepTissue", "topStile: deepTissue", 13, "unknown expectation 'topStile'")]
    [InlineData("phase: intensive", "phase: intense", 14, "unknown phase 'intense'; expected one of intensive, corrective, maintenance, or null for no plan")]
    [InlineData("referral: none", "referral: soon", 15, "unknown referral urgency 'soon'; expected one of emergency, urgent, routine, or none")]
    [InlineData("shiatsu: caution", "shiatsu: careful", 16, "unknown contraindication level 'careful'; expected one of caution, avoid, or none")]
    [InlineData("topStyle: deepTissue", "rankAtMost: { deepTissue: 0 }", 13, "a rank must be a whole number of at least 1, was '0'")]
    [InlineData("topStyle: deepTissue", "rankedAbove: [[shiatsu]]", 13, "pair of two different styles")]
    [InlineData("guidance: [G4.1]", "guidance: [4.1]", 3, "'4.1' is not a GUIDANCE item")]
    [InlineData("guidance: [G4.1]", "guidance: G4.1", 3, "must be a list")]
    [InlineData("guidance: [G4.1]", "guidance: [G4.1]\n    notes: hello", 4, "unknown key 'notes'")]
    [InlineData("    guidance: [G4.1]\n", "", 2, "the scenario lacks 'guidance'")]
    [InlineData("  - name: Piriformis", "  - name: &a Piriformis", 2, "anchors are not allowed")]
    [InlineData("cause: piriformisSyndrome", "cause: !!str piriformisSyndrome", 5, "tags are not allowed")]
    [InlineData("flare: none", "flare: none\n      flare: acute", 7, "is given twice in one mapping")]
    [InlineData("flare: none", "flare: [none", 7, "unclosed")]
    [InlineData("scenarios:", "scenario:", 1, "unknown key 'scenario'")]
    public void A_mistake_is_an_error_with_its_line_and_column(string replace, string with, int line, string message)
    {
        var act = () => ScenarioFile.Parse(Valid.Replace(replace, with, StringComparison.Ordinal), "bad.yaml");

        var error = act.Should().Throw<ScenarioException>().Which;
        error.Problem.Should().Contain(message);
        error.Line.Should().Be(line);
        error.Column.Should().BePositive();
    }

    [Fact]
    public void An_expect_that_checks_nothing_is_an_error()
    {
        var yaml = Valid[..Valid.IndexOf("    expect:", StringComparison.Ordinal)] + "    expect: {}\n";

        var act = () => ScenarioFile.Parse(yaml, "empty-expect.yaml");

        var error = act.Should().Throw<ScenarioException>().Which;
        error.Problem.Should().Be("'expect' must check at least one thing");
        error.Line.Should().Be(12);
    }

    [Fact]
    public void Two_scenarios_with_the_same_name_in_a_file_are_an_error()
    {
        var twice = Valid + "\n" + string.Join("\n", Valid.Split('\n').Skip(1));

        var act = () => ScenarioFile.Parse(twice, "twice.yaml");

        act.Should().Throw<ScenarioException>().Which.Problem.Should().Contain("another scenario in this file has the name");
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var act = () => ScenarioFile.Parse("", "empty.yaml");

        act.Should().Throw<ScenarioException>().WithMessage("empty.yaml: the file is empty*");
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var act = () => ScenarioFile.Load(Path.Combine(Path.GetTempPath(), "no-such-scenarios.yaml"));

        act.Should().Throw<ScenarioException>().Which.Problem.Should().Be("the scenario file does not exist");
    }
}
