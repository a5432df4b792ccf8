using System.Collections.Immutable;
using RulesEngine.Models;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Benchmarks.Comparison;

/// <summary>
/// The same rules as an <see cref="Advisor"/>, matched by Microsoft RulesEngine instead of NRules.
/// RulesEngine has no forward chaining, so it runs in passes: each pass evaluates every rule, fires
/// the rules that newly match in priority order, and feeds their derived facts and avoided styles to
/// the next pass, until no rule is left to fire. The actions and the assembly are the library's own,
/// so only the matching engine differs.
/// </summary>
public sealed class RulesEngineAdvisor
{
    private const string Workflow = "sciatica";

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, RuleDefinition> _rules;
    private readonly Dictionary<string, int> _order;
    private readonly EffectiveSettings _settings;
    private readonly RuleSetInfo _info;

    public RulesEngineAdvisor(Advisor advisor)
    {
        var definitions = advisor.Definitions;
        _rules = definitions.ToDictionary(d => d.Id);
        _order = definitions.Select((d, i) => (d.Id, Priority: RuleModelBuilder.PriorityOf(d, i)))
            .OrderByDescending(x => x.Priority).Select((x, i) => (x.Id, i)).ToDictionary(x => x.Id, x => x.i);
        _settings = advisor.Settings;
        _info = advisor.RuleSet;
        var workflow = new Workflow
        {
            WorkflowName = Workflow,
            Rules = [.. definitions.Select(d => new Rule { RuleName = d.Id, Expression = ConditionTranslator.Translate(d.When) })],
        };
        _engine = new RulesEngine.RulesEngine([workflow], new ReSettings());
    }

    public MassageAdvice Advise(SymptomProfile profile)
    {
        var input = ToInput(profile);
        var sheet = new AdviceSheet(_settings);
        var sink = new InputFacts(input);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var results = _engine.ExecuteAllRulesAsync(Workflow, new RuleParameter("p", input)).GetAwaiter().GetResult();
            var next = results.Where(r => r.IsSuccess && !fired.Contains(r.Rule.RuleName))
                .Select(r => _rules[r.Rule.RuleName]).OrderBy(r => _order[r.Id]).ToList();
            if (next.Count == 0)
            {
                break;
            }

            foreach (var rule in next)
            {
                fired.Add(rule.Id);
                sheet.Trace.Add(rule);
                foreach (var action in rule.Then)
                {
                    RuleFiring.Apply(action, rule, sheet, sink);
                }
            }
        }

        return AdviceAssembler.Assemble(profile, sheet, _info);
    }

    private static RuleInput ToInput(SymptomProfile p) => new()
    {
        Cause = (int)p.Cause,
        Flare = (int)p.Flare,
        PainSensitivity = (int)p.PainSensitivity,
        PainIntensity = p.PainIntensity,
        HasSymptomWeeks = p.SymptomWeeks is not null,
        SymptomWeeks = p.SymptomWeeks ?? 0,
        Symptoms = [.. p.Symptoms.Select(s => (int)s)],
        RedFlags = [.. p.RedFlags.Select(s => (int)s)],
        Conditions = [.. p.Conditions.Select(s => (int)s)],
        DiagnosisConfirmed = p.DiagnosisConfirmed,
        ClinicianApproved = p.ClinicianApproved,
        WeeksInTreatment = p.WeeksInTreatment,
        AvoidStyles = [.. p.AvoidStyles.Select(s => (int)s)],
    };

    private sealed class InputFacts(RuleInput input) : IFactSink
    {
        public void Insert(object fact)
        {
            switch (fact)
            {
                case DerivedFact derived when !input.Facts.Contains(derived.Name):
                    input.Facts.Add(derived.Name);
                    break;
                case StyleAvoidedFact avoided:
                    input.Avoided.Add((int)avoided.Style);
                    break;
            }
        }
    }
}
