using NRules;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// A rule whose action throws is named in the exception, whichever NRules rule it fired under: the
/// first of a merged run, a run deferred to another rule's firing or to the end of the session, or
/// a rule the engine leaves out because it always fires; and no NRules type reaches the caller.
/// </summary>
public class RuleFiringFaultTests
{
    // first and merged share a when and a priority (one run); deferred shares it at a lower priority
    // (a deferred run), other fires in between; below fires after deferred only from pain 6 up, so
    // deferred fires inside below's firing there, and when the session is done below that.
    private const string Rules = """
          - id: first
            name: First
            guidance: G3.1
            priority: 50
            when: { painIntensity: { atLeast: 3 } }
            then: [ { note: first } ]
          - id: merged
            name: Merged
            guidance: G3.1
            priority: 50
            when: { painIntensity: { atLeast: 3 } }
            then: [ { note: merged } ]
          - id: other
            name: Other
            guidance: G3.1
            priority: 40
            when: { painIntensity: { atLeast: 2 } }
            then: [ { note: other } ]
          - id: deferred
            name: Deferred
            guidance: G3.1
            priority: 30
            when: { painIntensity: { atLeast: 3 } }
            then: [ { note: deferred } ]
          - id: below
            name: Below
            guidance: G3.1
            priority: 20
            when: { painIntensity: { atLeast: 6 } }
            then: [ { note: below } ]
        """;

    [Theory]
    [InlineData("merged", 3)]
    [InlineData("merged", 7)]
    [InlineData("deferred", 3)]
    [InlineData("deferred", 7)]
    [InlineData("base-shiatsu", 3)]
    [InlineData("below", 7)]
    public void RuleThatThrows_IsNamed_InAPooledSession(string thrower, int intensity)
    {
        var (pool, sheetFor) = Engine(thrower);

        var act = () => pool.Run(new SessionProfile(new ProfileFact(RuleText.Profile(intensity: intensity)), sheetFor()));

        var thrown = act.Should().Throw<RuleFiringException>().Which;
        thrown.RuleId.Should().Be(thrower);
        thrown.Message.Should().StartWith($"Rule '{thrower}' (test.yaml:");
        thrown.InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain(nameof(ThrowingAction));
    }

    [Theory]
    [InlineData("merged")]
    [InlineData("deferred")]
    [InlineData("base-shiatsu")]
    public void RuleThatThrows_IsNamed_InAChunkSession(string thrower)
    {
        var (pool, sheetFor) = Engine(thrower);
        var profiles = Enumerable.Range(0, 12).Select(i => new SessionProfile(new ProfileFact(RuleText.Profile(intensity: i % 10)), sheetFor())).ToArray();

        var act = () => pool.RunChunk(new ArraySegment<SessionProfile>(profiles));

        act.Should().Throw<RuleFiringException>().Which.RuleId.Should().Be(thrower);
    }

    [Fact]
    public void ThrowingRules_AreWhereTheTestsNeedThem()
    {
        // The cases above name what NRules would not: a merged member, a deferred run, a rule left out of the engine.
        var advisor = RuleText.Advisor(Rules);
        var groups = RuleModelBuilder.Groups(advisor.Definitions).Select(g => string.Join(" | ", g.Select(run => string.Join("+", run.Select(i => advisor.Definitions[i].Id))))).ToList();
        var names = RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out _, out var unconditional).Select(r => r.Name).ToList();

        groups.Should().Contain("first+merged | deferred");
        names.Should().Contain("first").And.NotContain("merged").And.NotContain("deferred").And.NotContain("base-shiatsu");
        unconditional.SelectMany(run => run.Rules).Select(r => r.Id).Should().Contain("base-shiatsu");
    }

    /// <summary>The rules above over the test baseline, with <paramref name="thrower"/>'s actions ending in one the engine does not know.</summary>
    private static (SessionPool Pool, Func<AdviceSheet> SheetFor) Engine(string thrower)
    {
        var advisor = RuleText.Advisor(Rules);
        var definitions = advisor.Definitions.Select(r => r.Id == thrower ? r with { Then = [.. r.Then, new ThrowingAction()] } : r).ToList();
        definitions.Should().Contain(r => r.Id == thrower);
        var factory = new RuleCompiler().Compile(RuleModelBuilder.BuildAll(definitions, joinOnProfile: true, out _, out var unconditional));
        return (new SessionPool(factory), () =>
        {
            var sheet = new AdviceSheet(advisor.Settings);
            sheet.Defer(unconditional);
            return sheet;
        });
    }

    /// <summary>An action no rule file can hold: the engine throws on it, as it would on a defect of its own.</summary>
    private sealed record ThrowingAction : RuleAction;
}
