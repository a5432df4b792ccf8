using System.Diagnostics.CodeAnalysis;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference;

/// <summary>
/// GUIDANCE.md written out by hand in plain C#, with no rule engine: the oracle the rule-engine
/// advisor is tested against, and the baseline it is measured against.
/// </summary>
/// <remarks>
/// <para>
/// It agrees with GUIDANCE on what GUIDANCE fixes: which styles are advised, the placements in
/// their order, contraindication levels, pressure caps, focus areas, referral urgency, status and
/// the current phase. Scores are its own (see <c>Weights</c>), so where GUIDANCE fixes no placement
/// its order may differ from another rule set's. Rule ids are descriptive (<c>g3-1-…</c>) and the
/// rule set is named <c>hand-coded</c>, version <c>1.1.0</c> (it reads GUIDANCE as of the default rule set 1.1.0), with the SHA-256 of the empty text.
/// </para>
/// <para>Stateless and thread-safe. It does not validate the profile's ranges.</para>
/// </remarks>
public sealed class HandCodedAdvisor
{
    /// <summary>Advises on one profile as GUIDANCE.md says.</summary>
    /// <param name="profile">The symptom profile.</param>
    /// <returns>The advice.</returns>
    [SuppressMessage("Performance", "CA1822", Justification = "An instance method like Advisor.Advise, so tests and benchmarks use either the same way.")]
    public MassageAdvice Advise(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var draft = new AdviceDraft();

        // Doctor first: G1, then G2.
        ReferralRules.RedFlags(profile, draft);
        ReferralRules.Clearance(profile, draft);

        // What is unsafe, and how firm: G3, G4, G5, G7.
        ContraindicationRules.Flare(profile, draft);
        ContraindicationRules.Cause(profile, draft);
        ContraindicationRules.Sensitivity(profile, draft);
        ContraindicationRules.Conditions(profile, draft);
        ContraindicationRules.Wishes(profile, draft);
        ReferralRules.NoStyleLeft(draft);

        // What suits best: scores and placements (which read the contraindications), then focus.
        ScoringRules.Candidates(draft);
        ScoringRules.Ups(profile, draft);
        ScoringRules.Placements(profile, draft);
        FocusRules.Apply(profile, draft);
        NoteRules.Apply(profile, draft);

        PlanRules.Apply(profile, draft);

        return AdviceAssembly.Assemble(draft, clearanceNeeded: !profile.DiagnosisConfirmed || !profile.ClinicianApproved);
    }
}
