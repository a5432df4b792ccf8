// Firely's model marks every element nullable; these tests assert on elements the writer always sets.
#nullable disable warnings
using Hl7.Fhir.Model;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Planning;
using AdviceOf = SciaticaAdvisor.Fhir.Tests.Support.Advice;

namespace SciaticaAdvisor.Fhir.Tests.CarePlans;

/// <summary>An advice becomes a proposed CarePlan, a ServiceRequest for its referral, and the Provenance of the rule set that made it.</summary>
public sealed class CarePlanWriterTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static Bundle BundleFor(MassageAdvice advice, ResourceReference? subject = null) => CarePlanWriter.ToBundle(advice, subject, Created);

    private static CarePlan PlanOf(Bundle bundle) => bundle.Entry.Select(e => e.Resource).OfType<CarePlan>().Single();

    [Fact]
    public void Bundle_HoldsACarePlanAndItsProvenance_ForAdviceWithoutReferral()
    {
        var bundle = BundleFor(AdviceOf.For(AdviceOf.Recommended));

        bundle.Type.Should().Be(Bundle.BundleType.Collection);
        bundle.Entry.Select(e => e.Resource.TypeName).Should().Equal("CarePlan", "Provenance");
        bundle.Entry.Should().OnlyContain(e => e.FullUrl.StartsWith("urn:uuid:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(AdviceOf.Recommended), RequestStatus.Active)]
    [InlineData(nameof(AdviceOf.NeedsClearance), RequestStatus.Draft)]
    [InlineData(nameof(AdviceOf.Emergency), RequestStatus.OnHold)]
    public void CarePlan_IsAProposal_WhoseStatusFollowsTheAdvice(string profile, RequestStatus status)
    {
        var advice = AdviceOf.For(Profile(profile));

        var plan = PlanOf(BundleFor(advice));

        plan.Intent.Should().Be(CarePlan.CarePlanIntent.Proposal);
        plan.Status.Should().Be(status);
        plan.Description.Should().StartWith(PlainWords.Display(advice.Status));
    }

    [Fact]
    public void Phases_AreActivitiesWithTheirTiming()
    {
        var advice = AdviceOf.For(AdviceOf.Recommended);
        var activities = PlanOf(BundleFor(advice)).Activity.Select(a => a.Detail).Where(d => d.Scheduled is Timing).ToList();

        activities.Should().HaveCount(advice.Plan!.Phases.Length);
        foreach (var (detail, phase) in activities.Zip(advice.Plan.Phases))
        {
            var repeat = ((Timing)detail.Scheduled).Repeat;
            repeat.Frequency.Should().Be(phase.MinSessions);
            (repeat.FrequencyMax ?? repeat.Frequency).Should().Be(phase.MaxSessions);
            repeat.Period.Should().Be(phase.PeriodWeeks);
            repeat.PeriodUnit.Should().Be(Timing.UnitsOfTime.Wk);
            var bounds = repeat.Bounds as Hl7.Fhir.Model.Range;
            bounds?.Low?.Value.Should().Be(phase.MinWeeks);
            bounds?.High?.Value.Should().Be(phase.MaxWeeks);
            (bounds is null).Should().Be(phase.MinWeeks is null && phase.MaxWeeks is null);
            detail.Description.Should().StartWith(PlainWords.Display(phase.Phase));
        }
    }

    [Fact]
    public void IntensivePhase_ReadsAsSessionsAWeekForWeeks()
    {
        var detail = PlanOf(BundleFor(AdviceOf.For(AdviceOf.Recommended))).Activity.Select(a => a.Detail)
            .First(d => d.Code.Text == PlainWords.Display(PlanPhase.Intensive));
        var intensive = FrequencyPlan.StandardPhases.Single(p => p.Phase == PlanPhase.Intensive);

        detail.Description.Should().Contain($"{intensive.MinSessions}-{intensive.MaxSessions} sessions a week for {intensive.MinWeeks}-{intensive.MaxWeeks} weeks");
    }

    [Fact]
    public void EachStyle_IsAnActivity_InRankOrder_WithPressureAndFocusInPlainWords()
    {
        var advice = AdviceOf.For(AdviceOf.Recommended);
        var styles = PlanOf(BundleFor(advice)).Activity.Select(a => a.Detail)
            .Where(d => d.Code?.Coding.Any(c => c.System == IntakeQuestionnaire.CodeSystemUrl) == true).ToList();

        styles.Select(d => d.Code.Coding[0].Code).Should().Equal(advice.Styles.Select(s => char.ToLowerInvariant(s.Style.ToString()[0]) + s.Style.ToString()[1..]));
        var top = advice.Styles[0];
        styles[0].Description.Should().Contain(PlainWords.Display(top.Style))
            .And.Contain(PlainWords.Display(top.Pressure).ToLowerInvariant())
            .And.Contain(PlainWords.Display(top.FocusAreas[0]).ToLowerInvariant());
    }

    [Fact]
    public void ContraindicationsAndNotes_AreNotes()
    {
        var advice = AdviceOf.For(AdviceOf.Emergency);
        var notes = PlanOf(BundleFor(advice)).Note.Select(n => n.Text).ToList();

        notes.Should().HaveCount(advice.Contraindications.Length + advice.Notes.Length);
        notes.Should().Contain(advice.Notes);
    }

    [Theory]
    [InlineData(nameof(AdviceOf.Emergency), RequestPriority.Stat)]
    [InlineData(nameof(AdviceOf.Urgent), RequestPriority.Urgent)]
    [InlineData(nameof(AdviceOf.NeedsClearance), RequestPriority.Routine)]
    public void Referral_IsAProposedServiceRequest_WithItsUrgencyAsPriority(string profile, RequestPriority priority)
    {
        var advice = AdviceOf.For(Profile(profile));
        var bundle = BundleFor(advice);

        var request = bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Single();
        request.Intent.Should().Be(RequestIntent.Proposal);
        request.Priority.Should().Be(priority);
        request.ReasonCode.Select(r => r.Text).Should().Equal(advice.Referral!.Reasons);
        var requestUrl = bundle.Entry.Single(e => e.Resource is ServiceRequest).FullUrl;
        PlanOf(bundle).Activity.Should().Contain(a => a.Reference != null && a.Reference.Reference == requestUrl);
    }

    [Fact]
    public void ToServiceRequest_IsNull_WithoutReferral()
    {
        CarePlanWriter.ToServiceRequest(AdviceOf.For(AdviceOf.Recommended)).Should().BeNull();
        CarePlanWriter.ToServiceRequest(AdviceOf.For(AdviceOf.Urgent))!.Priority.Should().Be(RequestPriority.Urgent);
    }

    [Fact]
    public void Subject_IsTheGivenPatient()
    {
        var subject = new ResourceReference("Patient/123");
        var bundle = BundleFor(AdviceOf.For(AdviceOf.Urgent), subject);

        PlanOf(bundle).Subject.Reference.Should().Be("Patient/123");
        bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Single().Subject.Reference.Should().Be("Patient/123");
    }

    [Fact]
    public void Provenance_KeepsTheRuleSetsNameVersionAndSha256_AndTheFiredRules()
    {
        var advice = AdviceOf.For(AdviceOf.Urgent);
        var bundle = BundleFor(advice);
        var provenance = bundle.Entry.Select(e => e.Resource).OfType<Provenance>().Single();

        provenance.Target.Select(t => t.Reference).Should().BeEquivalentTo(bundle.Entry.Where(e => e.Resource is not Provenance).Select(e => e.FullUrl));
        var library = provenance.Contained.OfType<Library>().First();
        library.Title.Should().Be(advice.RuleSet.Name);
        library.Version.Should().Be(advice.RuleSet.Version);
        library.Identifier.Should().ContainSingle(i => i.Value == advice.RuleSet.Sha256);
        provenance.Entity.Select(e => e.What.Identifier?.Value).OfType<string>()
            .Should().Equal(advice.Trace.Select(t => t.RuleId));
    }

    [Fact]
    public void Bundles_ValidateAgainstBaseR4_ForEveryKindOfAdvice()
    {
        foreach (var profile in new[] { AdviceOf.Recommended, AdviceOf.NeedsClearance, AdviceOf.Emergency, AdviceOf.Urgent })
        {
            R4Validator.Errors(CarePlanWriter.ToBundle(AdviceOf.For(profile), new ResourceReference("Patient/123"))).Should().BeEmpty();
        }
    }

    [Fact]
    public void Validator_FindsErrors_InABrokenBundle()
    {
        var bundle = CarePlanWriter.ToBundle(AdviceOf.For(AdviceOf.Recommended));
        PlanOf(bundle).Status = null;

        R4Validator.Errors(bundle).Should().ContainSingle().Which.Should().Contain("status");
    }

    [Fact]
    public void RuleSetLibrary_HasAMachineName()
    {
        var provenance = BundleFor(AdviceOf.For(AdviceOf.Recommended)).Entry.Select(e => e.Resource).OfType<Provenance>().Single();

        provenance.Contained.OfType<Library>().First().Name.Should().Be("SciaticaMassage");
    }

    private static Profiles.SymptomProfile Profile(string name) => name switch
    {
        nameof(AdviceOf.Recommended) => AdviceOf.Recommended,
        nameof(AdviceOf.NeedsClearance) => AdviceOf.NeedsClearance,
        nameof(AdviceOf.Emergency) => AdviceOf.Emergency,
        _ => AdviceOf.Urgent,
    };
}
