using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Classes;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Rules.Inspection;

/// <summary>A read-only view of a compiled rule set for the tools that check rule sets (linters, verifiers, test runners): its rules as data, the input classes its conditions distinguish, and advice before the invariant check.</summary>
/// <remarks>
/// Not for advising people: <see cref="Advisor.Advise"/> is. Thread-safe, like the advisor it views.
/// </remarks>
public sealed class RuleSetInspection
{
    private readonly Advisor _advisor;
    private readonly Dictionary<string, RuleDefinition> _byId;
    private readonly Lazy<ProfileClassifier?> _classifier;

    private RuleSetInspection(Advisor advisor)
    {
        _advisor = advisor;
        Rules = [.. advisor.Definitions.Select(InspectedRule.From)];
        _byId = advisor.Definitions.ToDictionary(d => d.Id, StringComparer.Ordinal);
        _classifier = new(() => ProfileClassifier.For(advisor.Definitions.Where(d => d.When is not null).Select(d => d.When!)));
    }

    /// <summary>Every rule, in firing-priority order.</summary>
    public ImmutableArray<InspectedRule> Rules { get; }

    /// <summary>Opens an advisor's rule set for inspection.</summary>
    /// <param name="advisor">The advisor.</param>
    /// <returns>The view of its rule set.</returns>
    public static RuleSetInspection Of(Advisor advisor)
    {
        ArgumentNullException.ThrowIfNull(advisor);
        return new RuleSetInspection(advisor);
    }

    /// <summary>The input classes of every rule's conditions, combined as richly as <paramref name="budget"/> profiles allow.</summary>
    /// <param name="budget">The most profiles the classes may enumerate.</param>
    /// <returns>The classes, each enumerated as one representative profile.</returns>
    /// <remarks>Scalar fields always enter in full; set fields are crossed by interaction strength (see <see cref="InputClasses.Strength"/>).</remarks>
    public InputClasses InputClasses(long budget) =>
        new(ProfileSpace.Budgeted(_advisor.Definitions.Where(d => d.When is not null).Select(d => d.When!), budget));

    /// <summary>
    /// The input class of a profile: which class of this rule set's tests each field's value falls in, as
    /// one number. Every profile of a class makes every rule test come out the same, so this rule set
    /// fires the same rules in the same order on all of them and gives all of them byte-identical advice,
    /// or the same fault; the advisor's cache is keyed by it.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <returns>The class, or <see langword="null"/> when this rule set's classes are too many to number in 64 bits.</returns>
    /// <remarks>
    /// For tools that advise many profiles and can reuse what they made of one profile's advice for every
    /// other profile of its class (a study's rows, say). The fields the advice reads directly (the flare,
    /// the styles to avoid and the two clearance fields) always count in full. A class of this rule set is
    /// also within one class of a rule set with the same rules and other settings, or with fewer rules.
    /// </remarks>
    /// <exception cref="ProfileValidationException">The profile breaks the contract's ranges.</exception>
    public long? InputClassOf(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = ProfileReader.Validate(profile);
        if (!errors.IsEmpty)
        {
            throw new ProfileValidationException(errors);
        }

        return _classifier.Value?.KeyOf(new ProfileFact(profile));
    }

    /// <summary>Whether some profile satisfies the profile tests of both rules' conditions at once (ignoring their engine tests).</summary>
    /// <param name="first">A rule of this rule set.</param>
    /// <param name="second">Another rule of this rule set.</param>
    /// <returns><see langword="false"/> when no profile can fire both.</returns>
    public static bool CanHoldTogether(InspectedRule first, InspectedRule second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        return ProfileSpace.CanHold([.. InspectedRule.ProfileTestsOf(first.When), .. InspectedRule.ProfileTestsOf(second.When)]);
    }

    /// <summary>Advises on a valid profile without checking the guidance invariants, so a verifier sees every violation.</summary>
    /// <param name="profile">A profile that meets the contract's ranges.</param>
    /// <returns>The advice, which may break an invariant; never show it to a client.</returns>
    /// <exception cref="ProfileValidationException">The profile breaks the contract's ranges.</exception>
    /// <exception cref="RuleSetFaultException">The rules cannot give a coherent advice (a placement that cannot be kept, no phase).</exception>
    public MassageAdvice AdviseUnchecked(SymptomProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = ProfileReader.Validate(profile);
        return errors.IsEmpty ? _advisor.AdviseUnchecked(profile) : throw new ProfileValidationException(errors);
    }

    /// <summary>Advises on many valid profiles without checking the guidance invariants, each as <see cref="AdviseUnchecked(SymptomProfile)"/> would, with engine sessions shared as in <see cref="Advisor.AdviseMany(ReadOnlySpan{SymptomProfile})"/>.</summary>
    /// <param name="profiles">Profiles that meet the contract's ranges.</param>
    /// <param name="advices">Gets each profile's advice at its index (null where the rules faulted); at least as long as <paramref name="profiles"/>. Never show one to a client.</param>
    /// <param name="faults">Gets, at the index of each profile the rules cannot advise coherently, the fault <see cref="AdviseUnchecked(SymptomProfile)"/> throws for it; null elsewhere. At least as long as <paramref name="profiles"/>.</param>
    /// <exception cref="ArgumentException">A span is shorter than <paramref name="profiles"/>.</exception>
    /// <exception cref="ProfileValidationException">A profile breaks the contract's ranges (the first such profile; nothing is advised).</exception>
    public void AdviseUnchecked(ReadOnlySpan<SymptomProfile> profiles, Span<MassageAdvice?> advices, Span<RuleSetFaultException?> faults)
    {
        if (advices.Length < profiles.Length || faults.Length < profiles.Length)
        {
            throw new ArgumentException($"The spans for the advices ({advices.Length}) and faults ({faults.Length}) must hold the {profiles.Length} profiles.", advices.Length < profiles.Length ? nameof(advices) : nameof(faults));
        }

        foreach (var profile in profiles)
        {
            ArgumentNullException.ThrowIfNull(profile, nameof(profiles));
            var errors = ProfileReader.Validate(profile);
            if (!errors.IsEmpty)
            {
                throw new ProfileValidationException(errors);
            }
        }

        _advisor.AdviseManyUnchecked(profiles, advices, faults);
    }

    /// <summary>
    /// The advice <see cref="Advisor.Advise"/> gives a profile on which exactly the rules
    /// <paramref name="firedRuleIds"/> fire, in that order: their actions are replayed under this rule
    /// set's settings and the advice assembled and checked, without the engine matching anything.
    /// </summary>
    /// <param name="profile">The profile.</param>
    /// <param name="firedRuleIds">Ids of rules of this rule set, in firing order.</param>
    /// <returns>The advice, byte for byte what <see cref="Advisor.Advise"/> returns when those are the rules that fire.</returns>
    /// <remarks>
    /// For tools that already know which rules fire: a study whose variants differ only in settings, say.
    /// No rule condition reads a setting, so rule sets with the same rules fire the same rules on a profile
    /// whatever their settings (settings enter the actions and the assembly only), and the trace of one's
    /// advice is what the other fires. The caller answers for the list: a list the engine would not fire
    /// gives advice the engine would not give. When the replayed advice cannot be assembled or breaks an
    /// invariant, the profile is advised by the engine, so a fault is exactly the one
    /// <see cref="Advisor.Advise"/> throws.
    /// </remarks>
    /// <exception cref="ArgumentException">An id names no rule of this rule set.</exception>
    /// <exception cref="ProfileValidationException">The profile breaks the contract's ranges.</exception>
    /// <exception cref="RuleSetFaultException">The rule set produced advice that breaks an invariant.</exception>
    public MassageAdvice Replay(SymptomProfile profile, ReadOnlySpan<string> firedRuleIds)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var errors = ProfileReader.Validate(profile);
        if (!errors.IsEmpty)
        {
            throw new ProfileValidationException(errors);
        }

        var sheet = new AdviceSheet(_advisor.Settings);
        foreach (var id in firedRuleIds)
        {
            if (!_byId.TryGetValue(id, out var rule))
            {
                throw new ArgumentException($"'{id}' is not a rule of the rule set {_advisor.RuleSet.Name}", nameof(firedRuleIds));
            }

            RuleFiring.Apply(rule, sheet, NoFacts.Instance);
        }

        MassageAdvice advice;
        try
        {
            advice = AdviceAssembler.Assemble(profile, sheet, _advisor.RuleSet, _advisor.Parts);
        }
        catch (RuleSetFaultException)
        {
            return _advisor.Advise(profile);
        }

        return AdviceInvariants.Check(profile, advice).IsEmpty ? advice : _advisor.Advise(profile);
    }

    /// <summary>Where a replayed rule's facts go: nowhere, the rules they would trigger are already in the list.</summary>
    private sealed class NoFacts : IFactSink
    {
        public static readonly NoFacts Instance = new();

        public void Insert(object fact)
        {
        }
    }
}
