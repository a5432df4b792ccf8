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

    /// <summary>Builds the NRules rule for <paramref name="rule"/>, the <paramref name="index"/>th of its set.</summary>
    /// <param name="rule">The checked rule.</param>
    /// <param name="index">Its place in the combined rule set, which breaks ties of priority.</param>
    /// <param name="joinOnProfile">
    /// Whether each fact pattern joins on the profile the fact was derived for, so one session can hold
    /// many profiles; a session that holds one profile at a time needs no such join.
    /// </param>
    public static IRuleDefinition Build(RuleDefinition rule, int index, bool joinOnProfile)
    {
        var (profileTest, facts) = Split(rule.When);
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Description(rule.Name);
        builder.Priority(PriorityOf(rule, index));

        var lhs = builder.LeftHandSide();
        var profile = lhs.Pattern(typeof(SessionProfile), ProfileName);
        if (profileTest is not null)
        {
            Expression<Func<SessionProfile, bool>> matches = profile => profileTest.Matches(profile.Values);
            profile.Condition(matches);
        }

        for (var i = 0; i < facts.Count; i++)
        {
            var (test, negated) = facts[i];
            var pattern = test is FactCondition fact
                ? FactPattern<DerivedFact>($"fact{i}", f => f.Name == fact.Name, joinOnProfile ? f => f.Owner : null)
                : FactPattern<StyleAvoidedFact>($"fact{i}", f => f.Style == ((StyleAvoidedCondition)test).Style, joinOnProfile ? f => f.Owner : null);
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

        var firing = new RuleFiring(rule);
        // The sheet comes with the profile fact rather than as an NRules dependency, which would be
        // resolved again on every firing.
        Expression<Action<IContext, SessionProfile>> action = (ctx, profile) => firing.Fire(ctx, profile.Sheet);
        builder.RightHandSide().Action(action);
        return builder.Build();
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

    private static PatternBuilder FactPattern<TFact>(string name, Expression<Func<TFact, bool>> test, Expression<Func<TFact, AdviceSheet?>>? owner)
    {
        // NRules binds a condition's parameter to the pattern by name, so the test is re-rooted on a
        // parameter with the pattern's name (rewritten, not invoked: an invoked lambda costs a delegate per call).
        var parameter = Expression.Parameter(typeof(TFact), name);
        var pattern = new PatternBuilder(typeof(TFact), name);
        pattern.Condition(Expression.Lambda(new Reroot(test.Parameters[0], parameter).Visit(test.Body), parameter));
        if (owner is null)
        {
            return pattern;
        }

        // A second condition, so the name test stays a shared alpha test and only this one joins: a
        // fact counts for the profile it was asserted for, which lets one session advise a chunk of profiles.
        var profile = Expression.Parameter(typeof(SessionProfile), ProfileName);
        var ownerBody = new Reroot(owner.Parameters[0], parameter).Visit(owner.Body);
        Expression<Func<SessionProfile, AdviceSheet>> sheetOf = p => p.Sheet;
        var sheet = new Reroot(sheetOf.Parameters[0], profile).Visit(sheetOf.Body);
        pattern.Condition(Expression.Lambda(Expression.ReferenceEqual(ownerBody, sheet), parameter, profile));
        return pattern;
    }

    private sealed class Reroot(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
