using Hl7.Fhir.Model;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Fhir.CarePlans;

namespace SciaticaAdvisor.Fhir;

/// <summary>Writes a <see cref="MassageAdvice"/> as FHIR R4: a proposed <see cref="CarePlan"/>, a <see cref="ServiceRequest"/> for the referral, and their <see cref="Provenance"/>.</summary>
/// <remarks>
/// <para>
/// The CarePlan has intent <c>proposal</c> and status <c>active</c> when massage is recommended,
/// <c>draft</c> while clearance is needed (the plan is provisional) and <c>on-hold</c> when the
/// advice is a referral (massage waits for the doctor). Its activities are the plan's phases
/// (with <see cref="Timing"/>: frequency, frequencyMax, period in weeks, boundsRange in weeks),
/// each recommended style in rank order (coded in the intake CodeSystem, with pressure and focus
/// areas in plain words), each adjunct, and the referral; contraindications and notes are
/// <c>note</c>s.
/// </para>
/// <para>
/// The Provenance names the rule set that produced the advice as a contained <see cref="Library"/>
/// (title = name, version, identifier = sha256), each layer of a layered rule set likewise, and
/// every fired rule, in firing order, as an entity whose identifier is the rule id. Thread-safe.
/// </para>
/// </remarks>
public static class CarePlanWriter
{
    /// <summary>Writes the advice as a <c>collection</c> Bundle: the CarePlan, the ServiceRequest when the advice refers, and the Provenance.</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="subject">The patient the plan is for; without one the plan names "the person who filled in the intake".</param>
    /// <param name="created">When the plan was made; now when not given.</param>
    /// <returns>A new Bundle whose entries have <c>urn:uuid:</c> full URLs and refer to each other by them.</returns>
    public static Bundle ToBundle(MassageAdvice advice, ResourceReference? subject = null, DateTimeOffset? created = null)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var when = WholeSeconds(created ?? DateTimeOffset.UtcNow);
        var carePlanUrl = NewUrl();
        var carePlan = CarePlanOf(advice, subject, when);
        var bundle = new Bundle { Type = Bundle.BundleType.Collection, Timestamp = when };
        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = carePlanUrl, Resource = carePlan });
        var targets = new List<string> { carePlanUrl };
        if (ServiceRequestOf(advice, subject, when) is { } request)
        {
            var requestUrl = NewUrl();
            carePlan.Activity.Add(new CarePlan.ActivityComponent { Reference = new ResourceReference(requestUrl, request.Code?.Text) });
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = requestUrl, Resource = request });
            targets.Add(requestUrl);
        }

        bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = NewUrl(), Resource = RuleSetProvenance.Of(advice, targets, when) });
        return bundle;
    }

    /// <summary>Writes the advice's referral as a proposed ServiceRequest, its urgency as <c>priority</c> (emergency → stat, urgent → urgent, routine → routine).</summary>
    /// <param name="advice">The advice.</param>
    /// <param name="subject">The patient; without one the request names "the person who filled in the intake".</param>
    /// <returns>The request, or <see langword="null"/> when the advice does not refer.</returns>
    public static ServiceRequest? ToServiceRequest(MassageAdvice advice, ResourceReference? subject = null)
    {
        ArgumentNullException.ThrowIfNull(advice);
        return ServiceRequestOf(advice, subject, WholeSeconds(DateTimeOffset.UtcNow));
    }

    private static CarePlan CarePlanOf(MassageAdvice advice, ResourceReference? subject, DateTimeOffset created) => new()
    {
        Status = advice.Status switch
        {
            AdviceStatus.Recommended => RequestStatus.Active,
            AdviceStatus.ClearanceNeeded => RequestStatus.Draft,
            _ => RequestStatus.OnHold,
        },
        Intent = CarePlan.CarePlanIntent.Proposal,
        Title = "Massage plan for sciatica",
        Description = $"{PlainWords.Display(advice.Status)}. {PlainWords.Definition(advice.Status)}",
        Category = [new CodeableConcept { Text = "Massage therapy for sciatica" }],
        Subject = Subject(subject),
        Created = created.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        Activity = [.. PlanActivities.Of(advice)],
        Note =
        [
            .. advice.Contraindications.Select(c => new Annotation { Text = PlanWords.Contraindication(c) }),
            .. advice.Notes.Select(n => new Annotation { Text = n }),
        ],
    };

    private static ServiceRequest? ServiceRequestOf(MassageAdvice advice, ResourceReference? subject, DateTimeOffset created) =>
        advice.Referral is not { } referral ? null : new ServiceRequest
        {
            Status = RequestStatus.Draft,
            Intent = RequestIntent.Proposal,
            Priority = referral.Urgency switch
            {
                ReferralUrgency.Emergency => RequestPriority.Stat,
                ReferralUrgency.Urgent => RequestPriority.Urgent,
                _ => RequestPriority.Routine,
            },
            Code = new CodeableConcept { Text = PlainWords.Display(referral.Urgency) },
            Subject = Subject(subject),
            AuthoredOn = created.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ReasonCode = [.. referral.Reasons.Select(r => new CodeableConcept { Text = r })],
            Note = [new Annotation { Text = PlainWords.Definition(referral.Urgency) }],
        };

    private static ResourceReference Subject(ResourceReference? subject) =>
        subject ?? new ResourceReference { Display = "the person who filled in the intake" };

    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerSecond));

    private static string NewUrl() => "urn:uuid:" + Guid.NewGuid().ToString("D");
}
