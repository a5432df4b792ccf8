using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>
/// Stands in for the rule engine so the tool's own behaviour can be tested on its own: the status
/// follows the contract's outline (red flags refer, a missing approval needs clearance) and the
/// first note is the profile it was given, so tests can see which input an answer belongs to.
/// </summary>
internal sealed class StubAdvisor(Func<SymptomProfile, Exception?>? fault = null, bool jitter = false) : IProfileAdvisor
{
    public RuleSetInfo RuleSet => AdviceSamples.WithEveryEnumName().RuleSet;

    public MassageAdvice Advise(SymptomProfile profile)
    {
        if (fault?.Invoke(profile) is { } exception)
        {
            throw exception;
        }

        if (jitter)
        {
            // Tests number their lines through symptomWeeks or painIntensity; lines later in each
            // run of five take less time, so later chunks finish first and only the pipeline's
            // ordering keeps the output in input order.
            var position = profile.SymptomWeeks ?? profile.PainIntensity;
            Thread.Sleep(4 - (position % 5));
        }

        var status = !profile.RedFlags.IsEmpty ? AdviceStatus.Referral
            : !profile.ClinicianApproved ? AdviceStatus.ClearanceNeeded
            : AdviceStatus.Recommended;
        return AdviceSamples.WithEveryEnumName() with { Status = status, Notes = [AdvisorJson.Serialize(profile)] };
    }
}

/// <summary>Hands out a <see cref="StubAdvisor"/> and remembers the layers it was asked for.</summary>
internal sealed class StubAdvisorLoader(IProfileAdvisor? advisor = null, Exception? loadFailure = null) : IAdvisorLoader
{
    public List<IReadOnlyList<string>> Loads { get; } = [];

    public IProfileAdvisor Load(IReadOnlyList<string> layers, bool single = false)
    {
        // advise loads on a pool thread while it reads the profile.
        lock (Loads)
        {
            Loads.Add(layers);
        }
        if (loadFailure is not null)
        {
            throw loadFailure;
        }

        return advisor ?? new StubAdvisor();
    }
}
