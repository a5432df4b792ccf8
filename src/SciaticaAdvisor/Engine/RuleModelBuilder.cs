using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Turns a checked rule into an NRules rule definition. The lambdas handed to NRules are fixed here in
/// C#; the rule file only supplies data (the condition tree and the actions) that they call into.
/// </summary>
internal static class RuleModelBuilder
{
    private const string ProfileName = "profile";

    /// <summary>The NRules priority of the rule at <paramref name="index"/>: its own priority first, then file order.</summary>
    public static int PriorityOf(RuleDefinition rule, int index) => (rule.Priority * 100_000) - index;

    /// <summary>
    /// Builds the NRules rules for a whole rule set: one per rule, except that a run of rules next to
    /// each other in firing order with the same <c>when</c> becomes one NRules rule whose action
    /// applies each of them in turn, where that is exactly what separate rules would do.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Rules with the same <c>when</c> are activated by the same matches, and the agenda fires the
    /// highest priority first; each rule's priority is unique (<see cref="PriorityOf"/>), so nothing
    /// can fire between two neighbours in firing order unless a fact one of them inserts activates a
    /// rule of higher priority than the next. A run is therefore kept together only while no member
    /// but the last inserts a fact (a derived fact, or a style's first avoidance), or no rule that
    /// tests a fact has a priority above the run's next member. The trace, the sheet and so the
    /// advice are those of separate rules, in the same order; the engine saves an activation, an
    /// agenda entry and an action invocation per merged rule and profile (the five baseline rules
    /// fire for nearly every profile).
    /// </para>
    /// <para>Each rule keeps its own entry in the trace and in the advice cache's replay (<see cref="RuleFiring"/>).</para>
    /// </remarks>
    /// <param name="rules">The rule set's rules, in file order (the order <see cref="PriorityOf"/> breaks ties by).</param>
    /// <param name="joinOnProfile">Whether each fact pattern joins on its profile, as for one rule built alone.</param>
    public static List<IRuleDefinition> BuildAll(IReadOnlyList<RuleDefinition> rules, bool joinOnProfile) =>
        BuildAll(rules, joinOnProfile, out _);

    /// <summary>
    /// <c>BuildAll</c>, with the flush rules of
    /// <paramref name="plan"/>: which inserted facts a chunk session may hold back and insert together.
    /// </summary>
    public static List<IRuleDefinition> BuildAll(IReadOnlyList<RuleDefinition> rules, bool joinOnProfile, out FactFlushPlan plan) =>
        BuildAll(rules, joinOnProfile, deferUnconditional: false, out plan, out _);

    /// <summary>
    /// <c>BuildAll</c>, leaving out of the engine the rules that always fire and insert no fact: they
    /// come back in <paramref name="unconditional"/>, to be deferred on every profile's sheet
    /// (<see cref="AdviceSheet.Defer"/>) before its session fires.
    /// </summary>
    /// <remarks>
    /// A rule with no <c>when</c> has nothing for the engine to match: as an NRules rule of its own it
    /// is activated when its profile is inserted and never taken back, so it fires once every
    /// activation of its profile above its priority has fired and before any below, which is exactly
    /// when a deferred run fires (<see cref="Groups"/>, where the proof is); inserting no fact, it
    /// changes nothing else in the session. Left out, each profile saves an activation, a tuple, an
    /// agenda entry and an action invocation (the default rules' five baseline rules fire for every
    /// profile). Each rule keeps its own trace entry, in the order its own NRules rule gives.
    /// </remarks>
    public static List<IRuleDefinition> BuildAll(IReadOnlyList<RuleDefinition> rules, bool joinOnProfile, out FactFlushPlan plan, out DeferredRun[] unconditional) =>
        BuildAll(rules, joinOnProfile, deferUnconditional: true, out plan, out unconditional);

    private static List<IRuleDefinition> BuildAll(IReadOnlyList<RuleDefinition> rules, bool joinOnProfile, bool deferUnconditional, out FactFlushPlan plan, out DeferredRun[] unconditional)
    {
        var groups = Groups(rules);
        plan = FactFlushPlan.For([.. groups.Select(group => (
            PriorityOf(rules[group[0][0]], group[0][0]),
            (IReadOnlyCollection<string>)Split(rules[group[0][0]].When).Facts.Select(f => KindOf(f.Test)).ToList(),
            (IReadOnlyCollection<string>)group.SelectMany(run => run).SelectMany(i => InsertedKinds(rules[i])).ToList()))]);
        List<List<List<int>>> always = deferUnconditional
            ? [.. groups.Where(group => rules[group[0][0]].When is null && !group.SelectMany(run => run).Any(i => InsertsFacts(rules[i])))]
            : [];
        unconditional = [.. always.SelectMany(group => group).Select(run => new DeferredRun(PriorityOf(rules[run[0]], run[0]), [.. run.Select(i => rules[i])]))];
        return [.. groups.Where(group => !always.Contains(group)).Select(group => Build(rules, group, joinOnProfile)), .. plan.FlushRules()];
    }

    /// <summary>
    /// The NRules rules <c>BuildAll</c> makes, each as the
    /// runs (<see cref="Runs"/>) it fires, in firing order: a run alone, or every run with the same
    /// <c>when</c> that tests only the profile, where no run but the first inserts a fact.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The first run fires when the NRules rule fires; each later run is kept on the profile's sheet
    /// and fired, with its own priority, just before the first rule of that profile with a lower
    /// priority fires, or when the session is done (<see cref="RuleFiring"/>). That is exactly when it
    /// fires as an NRules rule of its own. Its activation is made when the profile is inserted (its
    /// <c>when</c> tests only the profile) and never taken back, and it inserts no fact, so nothing
    /// else in the session fires differently without it; it fires once every activation of the
    /// profile above its priority has fired, and the next rule of the profile to fire after it was
    /// already on the agenda then, so had a lower priority (nothing that fired in between inserted a
    /// fact). Rules of other profiles, and the flush rules (<see cref="FactFlushPlan"/>), write no
    /// sheet of this profile, so where they fall in between changes nothing.
    /// </para>
    /// <para>Each rule keeps its own entry in the trace, in the order separate rules give.</para>
    /// </remarks>
    internal static List<List<List<int>>> Groups(IReadOnlyList<RuleDefinition> rules)
    {
        var groups = new List<List<List<int>>>();
        foreach (var run in Runs(rules))
        {
            var when = rules[run[0]].When;
            var group = Split(when).Facts.Count == 0 && !run.Any(i => InsertsFacts(rules[i]))
                ? groups.FirstOrDefault(g => SameCondition(rules[g[0][0]].When, when))
                : null;
            if (group is null)
            {
                groups.Add([run]);
            }
            else
            {
                group.Add(run);
            }
        }

        return groups;
    }

    /// <summary>The runs <c>BuildAll</c> merges, each as indexes into <paramref name="rules"/>, in firing order.</summary>
    internal static List<List<int>> Runs(IReadOnlyList<RuleDefinition> rules)
    {
        var order = Enumerable.Range(0, rules.Count).OrderByDescending(i => PriorityOf(rules[i], i)).ToList();
        // The highest priority of a rule that tests a fact: a fact inserted mid-run could activate it.
        var factTests = Enumerable.Range(0, rules.Count).Where(i => Split(rules[i].When).Facts.Count > 0).ToList();
        var highestFactTest = factTests.Count == 0 ? int.MinValue : factTests.Max(i => PriorityOf(rules[i], i));
        var runs = new List<List<int>>();
        foreach (var index in order)
        {
            var run = runs.Count > 0 ? runs[^1] : null;
            if (run is not null
                && SameCondition(rules[run[0]].When, rules[index].When)
                && (!run.Any(i => InsertsFacts(rules[i])) || highestFactTest < PriorityOf(rules[index], index)))
            {
                run.Add(index);
            }
            else
            {
                runs.Add([index]);
            }
        }

        return runs;
    }

    /// <summary>Builds the NRules rule for <paramref name="rule"/>, the <paramref name="index"/>th of its set, on its own.</summary>
    /// <param name="rule">The checked rule.</param>
    /// <param name="index">Its place in the combined rule set, which breaks ties of priority.</param>
    /// <param name="joinOnProfile">
    /// Whether each fact pattern joins on the profile the fact was derived for, so one session can hold
    /// many profiles; a session that holds one profile at a time needs no such join.
    /// </param>
    public static IRuleDefinition Build(RuleDefinition rule, int index, bool joinOnProfile) =>
        Build([rule], index, [], joinOnProfile);

    /// <summary>The NRules rule of a group of runs (<see cref="Groups"/>): the first run now, the others each at its turn.</summary>
    private static IRuleDefinition Build(IReadOnlyList<RuleDefinition> rules, List<List<int>> group, bool joinOnProfile) =>
        Build(
            [.. group[0].Select(i => rules[i])],
            group[0][0],
            [.. group.Skip(1).Select(run => new DeferredRun(PriorityOf(rules[run[0]], run[0]), [.. run.Select(i => rules[i])]))],
            joinOnProfile);

    /// <summary>One NRules rule that fires <paramref name="members"/> in order (their <c>when</c> is the same), at the priority of the first, the <paramref name="firstIndex"/>th of its set, and defers <paramref name="later"/>.</summary>
    private static IRuleDefinition Build(RuleDefinition[] members, int firstIndex, DeferredRun[] later, bool joinOnProfile)
    {
        var rule = members[0];
        var (profileTest, facts) = Split(rule.When);
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Description(rule.Name);
        builder.Priority(PriorityOf(rule, firstIndex));

        var lhs = builder.LeftHandSide();

        // A rule that tests nothing on the profile needs no profile fact: its first positive fact test
        // comes first and carries the sheet, and the others join on that fact's sheet. Otherwise a
        // pattern over every profile of the session would make a tuple per profile, and the first
        // fact test would join every profile with every fact of its kind (no-style-left tests five).
        var anchor = profileTest is null ? facts.FindIndex(f => !f.Negated) : -1;
        SheetSource source;
        if (anchor < 0)
        {
            source = SheetOf<SessionProfile>(ProfileName, p => p.Sheet);
            var profile = lhs.Pattern(typeof(SessionProfile), ProfileName);
            if (profileTest is not null)
            {
                Expression<Func<SessionProfile, bool>> matches = profile => profileTest.Matches(profile.Values);
                profile.Condition(matches);
            }
        }
        else
        {
            source = facts[anchor].Test is FactCondition
                ? SheetOf<DerivedFact>(PatternName(anchor), f => f.Owner)
                : SheetOf<StyleAvoidedFact>(PatternName(anchor), f => f.Owner);
            lhs.Pattern(FactPattern(facts[anchor].Test, anchor, null));
        }

        for (var i = 0; i < facts.Count; i++)
        {
            if (i == anchor)
            {
                continue;
            }

            var (test, negated) = facts[i];
            var pattern = FactPattern(test, i, joinOnProfile ? source : null);
            if (negated)
            {
                lhs.Not().Pattern(pattern);
            }
            else
            {
                // A plain join, not an exists: a profile has at most one fact of a name or style (a sheet
                // inserts a name's first derivation only, a style's first avoidance only), so it matches
                // the same profiles once each, and NRules builds an exists whose pattern joins on the
                // profile as a sub-network (ReteBuilder.VisitSource) that wraps every match in one more fact.
                lhs.Pattern(pattern);
            }
        }

        var firing = new RuleFiring(members, later, PriorityOf(rule, firstIndex));
        // The sheet comes with the profile fact (or the anchoring fact) rather than as an NRules
        // dependency, which would be resolved again on every firing. NRules binds the action's
        // parameters to the patterns by name, as it does the conditions'.
        Expression<Action<IContext, AdviceSheet>> fire = (ctx, sheet) => firing.Fire(ctx, sheet);
        var body = new Reroot(fire.Parameters[1], source.Sheet).Visit(fire.Body);
        builder.RightHandSide().Action(Expression.Lambda(body, fire.Parameters[0], source.Declaration));
        return builder.Build();
    }

    private static string PatternName(int index) => $"fact{index}";

    /// <summary>The pattern of the <paramref name="index"/>th fact test, joined on <paramref name="joinTo"/>'s sheet unless that is null.</summary>
    private static PatternBuilder FactPattern(Condition test, int index, SheetSource? joinTo) => test is FactCondition fact
        ? FactPattern<DerivedFact>(PatternName(index), f => f.Name == fact.Name, f => f.Owner, joinTo)
        : FactPattern<StyleAvoidedFact>(PatternName(index), f => f.Style == ((StyleAvoidedCondition)test).Style, f => f.Owner, joinTo);

    /// <summary>The declaration a rule takes its sheet from, and the sheet as an expression on it.</summary>
    private static SheetSource SheetOf<TFact>(string name, Expression<Func<TFact, AdviceSheet>> sheet)
    {
        var declaration = Expression.Parameter(typeof(TFact), name);
        return new SheetSource(declaration, new Reroot(sheet.Parameters[0], declaration).Visit(sheet.Body));
    }

    /// <summary>The kinds of fact (<see cref="FactFlushPlan"/>) firing <paramref name="rule"/> can insert.</summary>
    private static IEnumerable<string> InsertedKinds(RuleDefinition rule) => rule.Then.SelectMany(a => a switch
    {
        DeriveAction d => [FactFlushPlan.DerivedKind(d.Name)],
        ContraindicateAction { Level: ContraindicationLevel.Avoid } c => [FactFlushPlan.StyleKind(c.Style)],
        _ => Array.Empty<string>(),
    });

    private static string KindOf(Condition test) => test switch
    {
        FactCondition f => FactFlushPlan.DerivedKind(f.Name),
        StyleAvoidedCondition s => FactFlushPlan.StyleKind(s.Style),
        _ => throw new ArgumentException("not a fact test", nameof(test)),
    };

    /// <summary>Whether firing <paramref name="rule"/> can insert a fact into the session (see <see cref="RuleFiring"/>).</summary>
    private static bool InsertsFacts(RuleDefinition rule) =>
        rule.Then.Any(a => a is DeriveAction or ContraindicateAction { Level: ContraindicationLevel.Avoid });

    /// <summary>The same test, node for node (records compare their values, but not the lists of children).</summary>
    internal static bool SameCondition(Condition? a, Condition? b) => (a, b) switch
    {
        (null, null) => true,
        (AllCondition x, AllCondition y) => SameChildren(x.Children, y.Children),
        (AnyCondition x, AnyCondition y) => SameChildren(x.Children, y.Children),
        (NotCondition x, NotCondition y) => SameCondition(x.Child, y.Child),
        (AllCondition or AnyCondition or NotCondition, _) or (_, AllCondition or AnyCondition or NotCondition) => false,
        _ => Equals(a, b),
    };

    private static bool SameChildren(IReadOnlyList<Condition> a, IReadOnlyList<Condition> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!SameCondition(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Separates the tests on the profile from the tests on derived facts, which the engine matches as patterns.</summary>
    private static (Condition? Profile, List<(Condition Test, bool Negated)> Facts) Split(Condition? when)
    {
        var profileTests = new List<Condition>();
        var facts = new List<(Condition, bool)>();
        void Visit(Condition condition)
        {
            switch (condition)
            {
                case AllCondition all:
                    all.Children.ToList().ForEach(Visit);
                    break;
                case FactCondition or StyleAvoidedCondition:
                    facts.Add((condition, false));
                    break;
                case NotCondition { Child: FactCondition or StyleAvoidedCondition } not:
                    facts.Add((not.Child, true));
                    break;
                default:
                    profileTests.Add(condition);
                    break;
            }
        }

        if (when is not null)
        {
            Visit(when);
        }

        var profile = profileTests.Count switch
        {
            0 => null,
            1 => profileTests[0],
            _ => new AllCondition(profileTests),
        };
        return (profile, facts);
    }

    private static PatternBuilder FactPattern<TFact>(string name, Expression<Func<TFact, bool>> test, Expression<Func<TFact, AdviceSheet>> owner, SheetSource? joinTo)
    {
        // NRules binds a condition's parameter to the pattern by name, so the test is re-rooted on a
        // parameter with the pattern's name (rewritten, not invoked: an invoked lambda costs a delegate per call).
        var parameter = Expression.Parameter(typeof(TFact), name);
        var pattern = new PatternBuilder(typeof(TFact), name);
        pattern.Condition(Expression.Lambda(new Reroot(test.Parameters[0], parameter).Visit(test.Body), parameter));
        if (joinTo is null)
        {
            return pattern;
        }

        // A second condition, so the name test stays a shared alpha test and only this one joins: a
        // fact counts for the profile it was asserted for, which lets one session advise a chunk of profiles.
        var ownerBody = new Reroot(owner.Parameters[0], parameter).Visit(owner.Body);
        pattern.Condition(Expression.Lambda(Expression.ReferenceEqual(ownerBody, joinTo.Sheet), parameter, joinTo.Declaration));
        return pattern;
    }

    /// <summary>The declaration a rule's sheet comes from (the profile, or the fact test that anchors the rule) and the sheet as an expression on it.</summary>
    private sealed record SheetSource(ParameterExpression Declaration, Expression Sheet);

    private sealed class Reroot(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
