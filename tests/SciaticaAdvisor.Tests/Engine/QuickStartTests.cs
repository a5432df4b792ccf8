using System.Runtime;
using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Inspection;
using SciaticaAdvisor.Scenarios;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Tests.Rules;
using SciaticaAdvisor.Tests.Scenarios;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// An advisor built with PreferQuickStart (the rules' lambdas interpreted, as the CLI's one-profile
/// commands build it) advises byte for byte as the compiled one does, and really compiles less.
/// </summary>
public class QuickStartTests
{
    private static readonly Advisor Compiled = new AdvisorBuilder().UseAdviceCache(0).Build();
    private static readonly Advisor Interpreted = new AdvisorBuilder().UseAdviceCache(0).PreferQuickStart().Build();

    [Fact]
    public void PreferQuickStart_ScenariosInputClassesAndGeneratedProfiles_AdviseByteIdentically()
    {
        var scenarios = RepoPaths.ScenarioFiles.SelectMany(path => ScenarioFile.Load(path).Scenarios).Select(s => s.Profile);
        var classes = RuleSetInspection.Of(Compiled).InputClasses(3_000).Enumerate().Take(3_000);
        var random = ProfileGenerators.Gen().Sample(1_000, new Rnd(47UL, 53UL), 30);
        SymptomProfile[] profiles = [.. scenarios, .. classes, .. random];

        profiles.Should().HaveCountGreaterThan(3_000);
        foreach (var profile in profiles)
        {
            AdvisorJson.Serialize(Interpreted.Advise(profile)).Should().Be(AdvisorJson.Serialize(Compiled.Advise(profile)), AdvisorJson.Serialize(profile));
        }
    }

    [Fact]
    public void PreferQuickStart_DerivedFactsAndFaults_BehaveAsCompiled()
    {
        // Derived facts join in the engine (the lambdas on DerivedFact and StyleAvoidedFact); the
        // baseline alone recommends deep tissue in an acute flare, which breaks an invariant.
        const string Rules = """
              - id: flare-derives-fragile
                name: A flare makes the back fragile
                guidance: G3.1
                when: { flare: subsiding }
                then: [ { derive: fragileBack } ]
              - id: fragile-back-no-deep
                name: No deep work on a fragile back
                guidance: G3.1
                priority: 5
                when: { fact: fragileBack }
                then: [ { contraindicate: { style: deepTissue, level: avoid, reason: fragile back } } ]
              - id: deep-gone-note
                name: Note when deep tissue is out
                guidance: G9
                when: { styleAvoided: deepTissue }
                then: [ { note: no deep tissue today } ]
            """;
        var compiled = new AdvisorBuilder().UseAdviceCache(0).AddRules(RuleText.With(Rules), "test.yaml").Build();
        var interpreted = new AdvisorBuilder().UseAdviceCache(0).PreferQuickStart().AddRules(RuleText.With(Rules), "test.yaml").Build();

        foreach (var flare in new[] { FlareState.None, FlareState.Subsiding })
        {
            var profile = RuleText.Profile(flare, intensity: 3);
            AdvisorJson.Serialize(interpreted.Advise(profile)).Should().Be(AdvisorJson.Serialize(compiled.Advise(profile)));
        }

        AdvisorJson.Serialize(interpreted.Advise(RuleText.Profile(FlareState.Subsiding))).Should().Contain("no deep tissue today");
        var expected = Assert.Throws<RuleSetFaultException>(() => compiled.Advise(RuleText.Profile(FlareState.Acute)));
        var act = () => interpreted.Advise(RuleText.Profile(FlareState.Acute));
        act.Should().Throw<RuleSetFaultException>().Which.Message.Should().Be(expected.Message);
    }

    [Fact]
    public void PreferQuickStart_BuildAndFirstAdvice_JitCompileNoLambdaPerRule()
    {
        // A compiled rule set's lambdas are dynamic methods, JIT-compiled on their first call; an
        // interpreted one's run in the expression interpreter, compiled once for every rule set.
        // Both builds run once first, so what the second of each compiles is the rule set's own.
        var profile = RuleText.Profile(FlareState.None, intensity: 4);
        int JittedByBuildAndAdvise(bool quickStart)
        {
            var builder = new AdvisorBuilder().UseAdviceCache(0);
            if (quickStart)
            {
                builder.PreferQuickStart();
            }

            var before = JitInfo.GetCompiledMethodCount(currentThread: true);
            builder.Build().Advise(profile);
            return (int)(JitInfo.GetCompiledMethodCount(currentThread: true) - before);
        }

        JittedByBuildAndAdvise(quickStart: false);
        JittedByBuildAndAdvise(quickStart: true);

        var compiled = JittedByBuildAndAdvise(quickStart: false);
        var interpreted = JittedByBuildAndAdvise(quickStart: true);

        compiled.Should().BeGreaterThan(Compiled.Rules.Length, "each rule's condition and action is a new dynamic method");
        interpreted.Should().BeLessThan(compiled / 4);
    }
}
