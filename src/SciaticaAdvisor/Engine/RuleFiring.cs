using NRules.RuleModel;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>Runs a rule's actions against the session's advice sheet when NRules fires it.</summary>
/// <param name="rules">
/// The rules one NRules rule stands for, in firing order: usually one, or a run with the same
/// <c>when</c> that nothing could fire between (<c>RuleModelBuilder.BuildAll</c>).
/// </param>
/// <param name="later">Runs with the same <c>when</c> and lower priorities, fired each at its turn (<see cref="RuleModelBuilder.Groups"/>).</param>
/// <param name="priority">The NRules priority of the rule.</param>
internal sealed class RuleFiring(RuleDefinition[] rules, DeferredRun[] later, int priority)
{
    public void Fire(IContext context, AdviceSheet sheet)
    {
        // Deferred runs of this profile due above this rule come first, as their own rules would have.
        FireDeferred(sheet, priority);
        var facts = new ContextFacts(context, sheet);
        foreach (var rule in rules)
        {
            Apply(rule, sheet, facts);
        }

        if (later.Length > 0)
        {
            sheet.Defer(later);
        }
    }

    /// <summary>Fires the runs deferred on <paramref name="sheet"/> whose priority is above <paramref name="above"/>, highest first.</summary>
    /// <remarks>Called before each rule of the profile fires, and with <see cref="int.MinValue"/> once its session has fired.</remarks>
    public static void FireDeferred(AdviceSheet sheet, int above)
    {
        while (sheet.NextDeferred(above) is { } run)
        {
            foreach (var rule in run.Rules)
            {
                Apply(rule, sheet, NoFacts.Instance);
            }
        }
    }

    /// <summary>
    /// What firing <paramref name="rule"/> does to the sheet. The engine calls it through <see cref="Fire"/>;
    /// the advice cache calls it again, with the facts going nowhere, to replay rules the engine already
    /// chose for the profile's input class.
    /// </summary>
    /// <remarks>Generic over the sink so the engine's sink, a struct, costs no allocation per firing.</remarks>
    public static void Apply<TFacts>(RuleDefinition rule, AdviceSheet sheet, TFacts facts)
        where TFacts : IFactSink
    {
        // NRules fires one rule at a time, so the trace is in firing order; recording it here rather
        // than from the session's RuleFiredEvent saves an event per firing.
        sheet.Trace.Add(rule);
        // Indexed: Then is a read-only list, and its enumerator would be an object per firing.
        var actions = rule.Then;
        try
        {
            for (var i = 0; i < actions.Count; i++)
            {
                Apply(actions[i], rule, sheet, facts);
            }
        }
        catch (Exception ex) when (ex is not RuleFiringException)
        {
            // Named here, where the rule is known: NRules would name the NRules rule it fired under.
            throw new RuleFiringException(rule, ex);
        }
    }

    /// <summary>What one action does; every action type of the rule language has its case.</summary>
    internal static void Apply<TFacts>(RuleAction action, RuleDefinition rule, AdviceSheet sheet, TFacts facts)
        where TFacts : IFactSink
    {
        switch (action)
        {
            case RecommendAction a:
                sheet.Recommend(a.Style, a.Score, a.Rationale, rule.Id);
                break;
            case ContraindicateAction a:
                if (sheet.Contraindicate(a.Style, a.Level, a.Reason, rule.Id))
                {
                    facts.Insert(new StyleAvoidedFact(a.Style, sheet));
                }

                break;
            case CapPressureAction a:
                // Indexed, as Then above: a foreach over the read-only list boxes an enumerator per firing.
                for (var i = 0; i < a.Styles.Count; i++)
                {
                    sheet.CapPressure(a.Styles[i], a.Max, rule.Id);
                }

                break;
            case FocusAction a:
                for (var i = 0; i < a.Styles.Count; i++)
                {
                    sheet.Focus(a.Styles[i], a.AreaMask, rule.Id);
                }

                break;
            case AdjunctAction a:
                sheet.AddAdjunct(a.Therapy, a.Reason, rule.Id);
                break;
            case ReferAction a:
                sheet.Refer(a.Urgency, a.Reason, rule.Id);
                break;
            case NoteAction a:
                sheet.AddNote(a.Text);
                break;
            case PhaseAction a:
                sheet.SetPhase(a.Phase);
                break;
            case DeriveAction a:
                if (sheet.Derive(a.Name))
                {
                    facts.Insert(new DerivedFact(a.Name, rule.Id, sheet));
                }

                break;
            case PlaceAction a:
                // A compiled rule's placements carry its id already (WithPlacementsOwned): no copy per firing.
                sheet.Place(a.Placement.RuleId == rule.Id ? a.Placement : a.Placement with { RuleId = rule.Id });
                break;
            default:
                throw new InvalidOperationException($"an action the engine does not know: {action.GetType().Name}");
        }
    }

    /// <summary>The rule with each placement it makes carrying its id, as firing it records them; the rule itself when there is none to change.</summary>
    public static RuleDefinition WithPlacementsOwned(RuleDefinition rule)
    {
        if (!rule.Then.Any(a => a is PlaceAction p && p.Placement.RuleId != rule.Id))
        {
            return rule;
        }

        return rule with { Then = [.. rule.Then.Select(a => a is PlaceAction p ? p with { Placement = p.Placement with { RuleId = rule.Id } } : a)] };
    }

    /// <summary>Where a deferred rule's facts would go: there are none, a run that inserts one is never deferred.</summary>
    private sealed class NoFacts : IFactSink
    {
        public static readonly NoFacts Instance = new();

        public void Insert(object fact) => throw new InvalidOperationException("a deferred rule inserted a fact");
    }

    private readonly struct ContextFacts(IContext context, AdviceSheet sheet) : IFactSink
    {
        public void Insert(object fact)
        {
            // In a chunk session the fact may wait to be inserted with the chunk's others (FactFlushPlan).
            if (sheet.Batch?.TryHold(fact) == true || context.TryInsert(fact))
            {
                // Remembered so a pooled session can be emptied for the next advice.
                sheet.Asserted.Add(fact);
            }
        }
    }
}
