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

    public static IRuleDefinition Build(RuleDefinition rule, int index)
    {
        var (profileTest, facts) = Split(rule.When);
        var builder = new RuleBuilder();
        builder.Name(rule.Id);
        builder.Description(rule.Name);
        builder.Priority(PriorityOf(rule, index));

        // The sheets are a dependency, not a fact: a pattern on them would add a join to every rule.
        builder.Dependencies().Dependency(typeof(SessionSheets), "sheets");
        var lhs = builder.LeftHandSide();
        var profile = lhs.Pattern(typeof(ProfileFact), ProfileName);
        if (profileTest is not null)
        {
            Expression<Func<ProfileFact, bool>> matches = profile => profileTest.Matches(profile);
            profile.Condition(matches);
        }

        for (var i = 0; i < facts.Count; i++)
        {
            var (test, negated) = facts[i];
            var pattern = test is FactCondition fact
                ? FactPattern<DerivedFact>($"fact{i}", f => f.Name == fact.Name, f => f.Profile)
                : FactPattern<StyleAvoidedFact>($"fact{i}", f => f.Style == ((StyleAvoidedCondition)test).Style, f => f.Profile);
            if (negated)
            {
                lhs.Not().Pattern(pattern);
            }
            else
            {
                lhs.Exists().Pattern(pattern);
            }
        }

        var firing = new RuleFiring(rule);
        Expression<Action<IContext, SessionSheets, ProfileFact>> action = (ctx, sheets, profile) => firing.Fire(ctx, sheets[profile.Slot]);
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

    private static PatternBuilder FactPattern<TFact>(string name, Expression<Func<TFact, bool>> test, Expression<Func<TFact, ProfileFact?>> owner)
    {
        // NRules binds a condition's parameter to the pattern by name, so the test is re-rooted on a
        // parameter with the pattern's name (rewritten, not invoked: an invoked lambda costs a delegate per call).
        var parameter = Expression.Parameter(typeof(TFact), name);
        var pattern = new PatternBuilder(typeof(TFact), name);
        pattern.Condition(Expression.Lambda(new Reroot(test.Parameters[0], parameter).Visit(test.Body), parameter));

        // A second condition, so the name test stays a shared alpha test and only this one joins: a
        // fact counts for the profile it was asserted for, which lets one session advise a chunk of profiles.
        var profile = Expression.Parameter(typeof(ProfileFact), ProfileName);
        var ownerBody = new Reroot(owner.Parameters[0], parameter).Visit(owner.Body);
        pattern.Condition(Expression.Lambda(Expression.ReferenceEqual(ownerBody, profile), parameter, profile));
        return pattern;
    }

    private sealed class Reroot(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
