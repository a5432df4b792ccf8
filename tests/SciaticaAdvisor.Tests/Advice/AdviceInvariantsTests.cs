using System.Collections.Immutable;
using FluentAssertions;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Support;
using Xunit;

namespace SciaticaAdvisor.Tests.Advice;

/// <summary>
/// Each invariant on its own: a real advice for a plain profile keeps them all, and changing one thing
/// in it breaks exactly the invariant that thing is about, with its message.
/// </summary>
public sealed class AdviceInvariantsTests
{
    private static readonly Advisor Advisor = Advisor.CreateDefault();

    private static readonly SymptomProfile Profile = ProfileReader.Read(ProfileJson.ContractExample().ToString());

    private static readonly MassageAdvice Advice = Advisor.Advise(Profile);

    [Fact]
    public void The_advice_for_a_plain_profile_keeps_every_invariant()
    {
        Advice.Status.Should().Be(AdviceStatus.Recommended);
        Advice.Styles.Length.Should().BeGreaterThan(1);
        AdviceInvariants.Check(Profile, Advice).Should().BeEmpty();
    }

    [Fact]
    public void An_avoided_style_that_is_advised_breaks_invariant_1()
    {
        var style = Advice.Styles[0].Style;
        var advice = Advice with
        {
            Contraindications = [new Contraindication { Style = style, Level = ContraindicationLevel.Avoid, Reason = "r", RuleIds = [] }],
        };

        AdviceInvariants.Check(Profile, advice).Should().Equal($"1: {Name(style)} is avoided but advised");
    }

    [Fact]
    public void A_style_under_caution_may_be_advised()
    {
        var advice = Advice with
        {
            Contraindications = [new Contraindication { Style = Advice.Styles[0].Style, Level = ContraindicationLevel.Caution, Reason = "r", RuleIds = [] }],
        };

        AdviceInvariants.Check(Profile, advice).Should().BeEmpty();
    }

    [Fact]
    public void An_unwanted_style_that_is_advised_breaks_invariant_1()
    {
        var style = Advice.Styles[^1].Style;
        var profile = Profile with { AvoidStyles = [style] };

        AdviceInvariants.Check(profile, Advice).Should().Equal($"1: {Name(style)} is not wanted but advised");
    }

    [Fact]
    public void Deep_tissue_or_more_than_light_pressure_in_an_acute_flare_breaks_invariant_2()
    {
        var acute = Profile with { Flare = FlareState.Acute };
        var deepButLight = Advice with { Styles = [Style(MassageStyle.DeepTissue, 1, Pressure.Light)] };
        var firmShiatsu = Advice with { Styles = [Style(MassageStyle.Shiatsu, 1, Pressure.Moderate)] };

        AdviceInvariants.Check(acute, deepButLight).Should().Equal("2: deep tissue is advised during an acute flare");
        AdviceInvariants.Check(acute, firmShiatsu).Should().Equal("2: a pressure above light is advised during an acute flare");
        AdviceInvariants.Check(Profile, firmShiatsu).Should().BeEmpty("outside an acute flare both are allowed");
    }

    [Fact]
    public void An_urgent_referral_without_status_referral_breaks_invariant_3()
    {
        var advice = Advice with { Referral = new Referral { Urgency = ReferralUrgency.Urgent, Reasons = ["r"], RuleIds = [] } };

        AdviceInvariants.Check(Profile, advice).Should().Equal("3: an emergency or urgent referral without status referral");
    }

    [Fact]
    public void Status_referral_with_styles_breaks_invariant_3()
    {
        var advice = Advice with { Status = AdviceStatus.Referral };

        AdviceInvariants.Check(Profile, advice).Should().Equal("3: status referral with styles, adjuncts or a plan");
    }

    [Fact]
    public void Advice_without_styles_or_plan_breaks_invariant_3()
    {
        AdviceInvariants.Check(Profile, Advice with { Styles = [] }).Should().Equal("3: status Recommended without styles or without a plan");
        AdviceInvariants.Check(Profile, Advice with { Plan = null }).Should().Equal("3: status Recommended without styles or without a plan");
    }

    [Fact]
    public void Ranks_out_of_order_break_invariant_4()
    {
        var styles = Advice.Styles.SetItem(0, Advice.Styles[0] with { Rank = 2 });

        AdviceInvariants.Check(Profile, Advice with { Styles = styles }).Should().Equal("4: rank 2 at position 1");
    }

    [Fact]
    public void A_style_or_a_contraindication_twice_breaks_invariant_4()
    {
        var twice = Advice.Styles.Add(Advice.Styles[0] with { Rank = Advice.Styles.Length + 1, Score = Advice.Styles[^1].Score - 1 });
        var contraindication = new Contraindication { Style = MassageStyle.DeepTissue, Level = ContraindicationLevel.Caution, Reason = "r", RuleIds = [] };
        var without = Advice.Styles.Where(s => s.Style != MassageStyle.DeepTissue).Select((s, i) => s with { Rank = i + 1 }).ToImmutableArray();

        AdviceInvariants.Check(Profile, Advice with { Styles = twice }).Should().Equal("4: a style or a contraindicated style appears twice");
        AdviceInvariants.Check(Profile, Advice with { Styles = without, Contraindications = [contraindication, contraindication] })
            .Should().Equal("4: a style or a contraindicated style appears twice");
    }

    [Fact]
    public void A_cited_rule_missing_from_the_trace_breaks_invariant_5_once()
    {
        var styles = Advice.Styles.Select(s => s with { RuleIds = s.RuleIds.Add("ghost") }).ToImmutableArray();
        var referral = new Referral { Urgency = ReferralUrgency.Routine, Reasons = ["r"], RuleIds = ["ghost", "phantom"] };

        AdviceInvariants.Check(Profile, Advice with { Styles = styles, Referral = referral })
            .Should().Equal("5: rule 'ghost' is cited but not in the trace", "5: rule 'phantom' is cited but not in the trace");
    }

    [Fact]
    public void A_cited_rule_missing_from_a_long_trace_breaks_invariant_5_once()
    {
        // Past 64 entries the check looks the ids up in a set rather than scanning the trace.
        var trace = Advice.Trace.AddRange(Enumerable.Range(0, 70).Select(i => new TraceEntry($"filler-{i}", "Filler")));
        var styles = Advice.Styles.Select(s => s with { RuleIds = s.RuleIds.Add("ghost").Add("filler-69") }).ToImmutableArray();

        trace.Length.Should().BeGreaterThan(64);
        AdviceInvariants.Check(Profile, Advice with { Styles = styles, Trace = trace }).Should().Equal("5: rule 'ghost' is cited but not in the trace");
        AdviceInvariants.Check(Profile, Advice with { Trace = trace }).Should().BeEmpty();
    }

    [Fact]
    public void Style_values_outside_the_enum_are_compared_as_values()
    {
        // 32 apart: a 32-bit mask would take them for the same style.
        var alias = (MassageStyle)((int)Advice.Styles[0].Style + 32);
        var styles = Advice.Styles.Add(Advice.Styles[0] with { Style = alias, Rank = Advice.Styles.Length + 1, Score = Advice.Styles[^1].Score - 1 });
        var avoided = new Contraindication { Style = alias, Level = ContraindicationLevel.Avoid, Reason = "r", RuleIds = [] };

        AdviceInvariants.Check(Profile, Advice with { Styles = styles }).Should().BeEmpty();
        AdviceInvariants.Check(Profile, Advice with { Contraindications = [avoided] }).Should().BeEmpty();
        AdviceInvariants.Check(Profile, Advice with { Styles = styles, Contraindications = [avoided] })
            .Should().Equal($"1: {(int)alias} is avoided but advised");
    }

    [Fact]
    public void A_style_showing_more_than_the_one_ranked_above_it_breaks_invariant_7()
    {
        var (upper, lower) = (Advice.Styles[0], Advice.Styles[1]);
        var styles = Advice.Styles.SetItem(1, lower with { Score = upper.Score + 1 });

        AdviceInvariants.Check(Profile, Advice with { Styles = styles }).Should().Equal(
            $"7: {Name(upper.Style)} at position 1 shows score {upper.Score}, so sorting by score puts {Name(lower.Style)} ({upper.Score + 1}) above it");
    }

    [Fact]
    public void Equal_scores_keep_invariant_7_only_in_style_order()
    {
        var inStyleOrder = Advice with { Styles = [Style(MassageStyle.Shiatsu, 1, Pressure.Light) with { Score = 60 }, Style(MassageStyle.LomiLomi, 2, Pressure.Light) with { Score = 60 }] };
        var against = Advice with { Styles = [Style(MassageStyle.LomiLomi, 1, Pressure.Light) with { Score = 60 }, Style(MassageStyle.Shiatsu, 2, Pressure.Light) with { Score = 60 }] };

        AdviceInvariants.Check(Profile, inStyleOrder).Should().BeEmpty();
        AdviceInvariants.Check(Profile, against).Should().Equal("7: lomiLomi at position 1 shows score 60, so sorting by score puts shiatsu (60) above it");
    }

    private static StyleAdvice Style(MassageStyle style, int rank, Pressure pressure) =>
        Advice.Styles[0] with { Style = style, Rank = rank, Pressure = pressure, RuleIds = [] };

    private static string Name(MassageStyle style) => SciaticaAdvisor.Contract.EnumNames<MassageStyle>.NameOf(style);
}
