using RulesEngine.Models;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Benchmarks.Comparison;

/// <summary>
/// The same rules as an <see cref="Advisor"/>, matched by Microsoft RulesEngine instead of NRules.
/// RulesEngine evaluates every rule's expression; it has no agenda and no forward chaining, so this
/// class keeps the agenda NRules keeps: fire the matching rule of highest priority that has not
/// fired, and after any firing that added a derived fact or an avoided style, have RulesEngine
/// evaluate again the rules that test those facts before choosing the next. The actions and the
/// assembly are the library's own, and so are the checks <see cref="Advisor.Advise"/> makes on
/// either side of them (the profile's validation, the advice's invariants), so only the matching
/// engine differs.
/// </summary>
/// <remarks>
/// <para>
/// Why not passes (evaluate all, fire all that match, repeat): a rule that matched at the start of a
/// pass can stop matching before its turn, because a rule of higher priority fired in the same pass
/// derived the fact it tests as absent. NRules drops such an activation from its agenda; a pass
/// fires it anyway. With the default rules, <c>piriformis-deep-tissue-first</c> (priority 20, tests
/// <c>not: { fact: deepTissueLimited }</c>) fired on profiles where a priority-80 contraindication
/// derives <c>deepTissueLimited</c> in the same pass: 117 of 10,000 sampled profiles differed.
/// </para>
/// <para>
/// The rules are split in two RulesEngine workflows, both compiled once here: the rules that test only
/// the profile, evaluated once per advice (nothing a rule does changes the profile), and the rules
/// that test facts, evaluated again whenever the facts grew. Facts are only ever added, never
/// retracted, so a rule can fire at most once, as in NRules. Priorities are unique
/// (<see cref="RuleModelBuilder.PriorityOf"/>), so the choice of the next rule is never a tie.
/// Thread-safe: RulesEngine's compiled workflows are shared, the per-advice state is local.
/// </para>
/// <para>
/// The profile reaches RulesEngine packed as the library's rule fact packs it (sets as bit masks,
/// <see cref="RuleInput"/>), and a result is matched to its rule by its place in the workflow: the
/// port pays for RulesEngine's evaluation, not for a slower reading of the profile than NRules gets.
/// </para>
/// </remarks>
public sealed class RulesEngineAdvisor
{
    private const string ProfileWorkflow = "profile";
    private const string FactWorkflow = "facts";

    private readonly RulesEngine.RulesEngine _engine;

    // Indexed by agenda order: 0 is the rule of highest priority.
    private readonly RuleDefinition[] _rules;
    private readonly Dictionary<string, int> _orderById;

    // Per workflow, the agenda order of its i-th rule: RulesEngine returns the results in that order.
    private readonly int[] _profileOrder;
    private readonly int[] _factOrder;
    private readonly bool _hasFactRules;
    private readonly EffectiveSettings _settings;
    private readonly RuleSetInfo _info;
    private readonly Engine.AdviceParts _parts;

    public RulesEngineAdvisor(Advisor advisor)
    {
        var definitions = advisor.Definitions;
        _rules = [.. definitions.Select((d, i) => (Rule: d, Priority: RuleModelBuilder.PriorityOf(d, i)))
            .OrderByDescending(x => x.Priority).Select(x => x.Rule)];
        _orderById = _rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        _settings = advisor.Settings;
        _info = advisor.RuleSet;
        _parts = advisor.Parts;

        var factRules = _rules.Where(r => TestsFacts(r.When)).ToList();
        var profileRules = _rules.Except(factRules).ToList();
        _hasFactRules = factRules.Count > 0;
        _profileOrder = [.. profileRules.Select(r => _orderById[r.Id])];
        _factOrder = [.. factRules.Select(r => _orderById[r.Id])];
        Workflow Flow(string name, IEnumerable<RuleDefinition> rules) => new()
        {
            WorkflowName = name,
            Rules = [.. rules.Select(r => new Rule { RuleName = r.Id, Expression = ConditionTranslator.Translate(r.When) })],
        };

        _engine = new RulesEngine.RulesEngine(
            [Flow(ProfileWorkflow, profileRules), Flow(FactWorkflow, factRules)],
            new ReSettings
            {
                // A translation RulesEngine cannot parse, or an expression that throws, must fail
                // loudly: by default RulesEngine reports it as a rule that did not match.
                EnableExceptionAsErrorMessage = false,
                EnableExceptionAsErrorMessageForRuleExpressionParsing = false,

                // No rule uses scoped parameters; skipping them is RulesEngine's own option.
                EnableScopedParams = false,
            });

        // RulesEngine compiles a workflow on its first execution: do it now, not in the first advice.
        FactRuleCount = factRules.Count;
        foreach (var workflow in new[] { ProfileWorkflow, FactWorkflow })
        {
            _engine.ExecuteAllRulesAsync(workflow, new RuleParameter("p", new RuleInput())).GetAwaiter().GetResult();
        }
    }

    /// <summary>How many rules test derived facts or avoided styles, and so are evaluated again after each change of the facts.</summary>
    public int FactRuleCount { get; }

    /// <summary>What <see cref="Advisor.Advise"/> gives the profile, with RulesEngine matching the rules.</summary>
    /// <exception cref="ProfileValidationException">The profile breaks the contract's ranges.</exception>
    /// <exception cref="Rules.RuleSetFaultException">The advice breaks an invariant.</exception>
    public MassageAdvice Advise(SymptomProfile profile)
    {
        var errors = ProfileReader.Validate(profile);
        if (!errors.IsEmpty)
        {
            throw new ProfileValidationException(errors);
        }

        var input = ToInput(profile);
        var parameter = new RuleParameter("p", input);
        var sheet = new AdviceSheet(_settings);
        var sink = new InputFacts(input);
        var matches = new bool[_rules.Length];
        var fired = new bool[_rules.Length];
        Mark(matches, _profileOrder, _engine.ExecuteAllRulesAsync(ProfileWorkflow, parameter).GetAwaiter().GetResult());
        var factsSeen = -1;
        while (true)
        {
            if (_hasFactRules && sink.Count != factsSeen)
            {
                factsSeen = sink.Count;
                Mark(matches, _factOrder, _engine.ExecuteAllRulesAsync(FactWorkflow, parameter).GetAwaiter().GetResult());
            }

            var next = NextToFire(matches, fired);
            if (next < 0)
            {
                break;
            }

            fired[next] = true;
            RuleFiring.Apply(_rules[next], sheet, sink);
        }

        var advice = AdviceAssembler.Assemble(profile, sheet, _info, _parts);
        var violations = AdviceInvariants.Check(profile, advice);
        if (!violations.IsEmpty)
        {
            throw new Rules.RuleSetFaultException(AdviceAssembler.Describe(_info), "the advice breaks invariant " + string.Join("; ", violations));
        }

        return advice;
    }

    /// <summary>The agenda's choice: the matching rule of highest priority that has not fired, or -1.</summary>
    private static int NextToFire(bool[] matches, bool[] fired)
    {
        for (var i = 0; i < matches.Length; i++)
        {
            if (matches[i] && !fired[i])
            {
                return i;
            }
        }

        return -1;
    }

    private void Mark(bool[] matches, int[] order, List<RuleResultTree> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var at = i < order.Length && string.Equals(_rules[order[i]].Id, result.Rule.RuleName, StringComparison.Ordinal) ? order[i] : _orderById[result.Rule.RuleName];
            matches[at] = result.IsSuccess;
        }
    }

    /// <summary>Whether a condition tests a derived fact or an avoided style, which rules change as they fire.</summary>
    private static bool TestsFacts(Condition? condition) => condition switch
    {
        FactCondition or StyleAvoidedCondition => true,
        AllCondition all => all.Children.Any(TestsFacts),
        AnyCondition any => any.Children.Any(TestsFacts),
        NotCondition not => TestsFacts(not.Child),
        _ => false,
    };

    private static RuleInput ToInput(SymptomProfile profile)
    {
        var values = ProfileValues.Of(profile);
        return new()
        {
            Cause = values[ProfileFields.Cause].GetValueOrDefault(),
            Flare = values[ProfileFields.Flare].GetValueOrDefault(),
            PainSensitivity = values[ProfileFields.PainSensitivity].GetValueOrDefault(),
            PainIntensity = values[ProfileFields.PainIntensity].GetValueOrDefault(),
            HasSymptomWeeks = values[ProfileFields.SymptomWeeks] is not null,
            SymptomWeeks = values[ProfileFields.SymptomWeeks].GetValueOrDefault(),
            Symptoms = values[ProfileFields.Symptoms].GetValueOrDefault(),
            RedFlags = values[ProfileFields.RedFlags].GetValueOrDefault(),
            Conditions = values[ProfileFields.Conditions].GetValueOrDefault(),
            DiagnosisConfirmed = values[ProfileFields.DiagnosisConfirmed] == 1,
            ClinicianApproved = values[ProfileFields.ClinicianApproved] == 1,
            WeeksInTreatment = values[ProfileFields.WeeksInTreatment].GetValueOrDefault(),
            AvoidStyles = values[ProfileFields.AvoidStyles].GetValueOrDefault(),
        };
    }

    /// <summary>Where the library's actions put facts: the input the next evaluation reads.</summary>
    private sealed class InputFacts(RuleInput input) : IFactSink
    {
        public int Count => input.Facts.Count + System.Numerics.BitOperations.PopCount((uint)input.Avoided);

        public void Insert(object fact)
        {
            switch (fact)
            {
                case DerivedFact derived when !input.Facts.Contains(derived.Name):
                    input.Facts.Add(derived.Name);
                    break;
                case StyleAvoidedFact avoided:
                    input.Avoided |= 1 << (int)avoided.Style;
                    break;
            }
        }
    }
}
