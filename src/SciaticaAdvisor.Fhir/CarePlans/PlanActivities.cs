using Hl7.Fhir.Model;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Fhir.Intake;
using SciaticaAdvisor.Planning;

namespace SciaticaAdvisor.Fhir.CarePlans;

/// <summary>The activities of the care plan: the plan's phases with their timing, each recommended style, each adjunct.</summary>
internal static class PlanActivities
{
    public static IEnumerable<CarePlan.ActivityComponent> Of(MassageAdvice advice)
    {
        if (advice.Plan is { } plan)
        {
            foreach (var phase in plan.Phases)
            {
                yield return Phase(phase, plan.CurrentPhase);
            }
        }

        foreach (var style in advice.Styles)
        {
            yield return Activity(
                new CodeableConcept(IntakeQuestionnaire.CodeSystemUrl, EnumCode(style.Style), PlainWords.Display(style.Style), PlainWords.Display(style.Style)),
                PlanWords.Style(style),
                CarePlan.CarePlanActivityStatus.NotStarted);
        }

        foreach (var adjunct in advice.Adjuncts)
        {
            yield return Activity(new CodeableConcept { Text = PlainWords.Display(adjunct.Therapy) }, PlanWords.Adjunct(adjunct), CarePlan.CarePlanActivityStatus.NotStarted);
        }
    }

    private static CarePlan.ActivityComponent Phase(PhasePlan phase, PlanPhase current)
    {
        // Whether an earlier phase was followed is not known from the advice: "unknown", not "completed".
        var status = phase.Phase == current ? CarePlan.CarePlanActivityStatus.Scheduled
            : phase.Phase < current ? CarePlan.CarePlanActivityStatus.Unknown
            : CarePlan.CarePlanActivityStatus.NotStarted;
        return Activity(new CodeableConcept { Text = PlainWords.Display(phase.Phase) }, PlanWords.Phase(phase, phase.Phase == current), status, Timing(phase));
    }

    /// <summary>"1-2 sessions every 1 week, for 4-6 weeks" as frequency, frequencyMax, period and boundsRange.</summary>
    private static Timing Timing(PhasePlan phase)
    {
        var repeat = new Timing.RepeatComponent
        {
            Frequency = phase.MinSessions,
            FrequencyMax = phase.MaxSessions != phase.MinSessions ? phase.MaxSessions : null,
            Period = phase.PeriodWeeks,
            PeriodUnit = Hl7.Fhir.Model.Timing.UnitsOfTime.Wk,
        };
        if (phase.MinWeeks is not null || phase.MaxWeeks is not null)
        {
            repeat.Bounds = new Hl7.Fhir.Model.Range { Low = Weeks(phase.MinWeeks), High = Weeks(phase.MaxWeeks) };
        }

        return new Timing { Repeat = repeat };
    }

    private static Quantity? Weeks(int? weeks) =>
        weeks is { } n ? new Quantity { Value = n, Unit = "wk", System = FhirUrls.Ucum, Code = "wk" } : null;

    private static CarePlan.ActivityComponent Activity(CodeableConcept code, string description, CarePlan.CarePlanActivityStatus status, Timing? timing = null) => new()
    {
        Detail = new CarePlan.DetailComponent { Code = code, Description = description, Status = status, Scheduled = timing },
    };

    private static string EnumCode(MassageStyle style)
    {
        var name = style.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
