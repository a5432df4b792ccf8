using System.Collections;
using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// A reset sheet is a new sheet: every field, those added later included, is back where a new sheet
/// starts, so a chunk's reused sheets cannot carry one profile's advice into the next.
/// </summary>
public class AdviceSheetResetTests
{
    private static readonly Advisor Uncached = new AdvisorBuilder().UseAdviceCache(0).Build();

    [Fact]
    public void Reset_AfterEveryRuleOfTheDefaultSetFired_LeavesEveryFieldAsANewSheetHasIt()
    {
        var sheet = new AdviceSheet(Uncached.Settings) { Batch = new FactBatch(FactFlushPlan.For([(1, ["x"], ["x"])])) };
        sheet.Defer([new DeferredRun(1, [Uncached.Definitions[0]])]);
        foreach (var rule in Uncached.Definitions)
        {
            RuleFiring.Apply(rule, sheet, new Facts(sheet));
        }

        sheet.Trace.Should().NotBeEmpty("the sheet must have been written for this test to mean anything");
        sheet.Asserted.Should().NotBeEmpty();
        sheet.Referral.Should().NotBeNull();
        sheet.Adjuncts.Should().NotBeEmpty();
        sheet.Placements.Should().NotBeEmpty();

        sheet.Reset();

        AssertAsNew(sheet, new AdviceSheet(Uncached.Settings), nameof(AdviceSheet));
    }

    [Fact]
    public void AReusedSheet_GivesTheAdviceOfANewOne()
    {
        var profiles = ProfileGenerators.Gen().Sample(400, new Rnd(17UL, 19UL), 30);
        var reused = new AdviceSheet(Uncached.Settings);
        foreach (var profile in profiles)
        {
            reused.Reset();
            var fresh = new AdviceSheet(Uncached.Settings);
            foreach (var rule in Fired(profile))
            {
                RuleFiring.Apply(rule, reused, new Facts(reused));
                RuleFiring.Apply(rule, fresh, new Facts(fresh));
            }

            Json(reused, profile).Should().Be(Json(fresh, profile));
        }
    }

    private static IEnumerable<SciaticaAdvisor.Rules.Language.RuleDefinition> Fired(SymptomProfile profile)
    {
        var byId = Uncached.Definitions.ToDictionary(r => r.Id, StringComparer.Ordinal);
        return Uncached.Advise(profile).Trace.Select(t => byId[t.RuleId]);
    }

    private static string Json(AdviceSheet sheet, SymptomProfile profile) =>
        AdvisorJson.Serialize(AdviceAssembler.Assemble(profile, sheet, Uncached.RuleSet, new AdviceParts()));

    /// <summary>Field by field: a list empty (or not made yet), a nested entry of the sheet's own as new, anything else equal.</summary>
    private static void AssertAsNew(object? reset, object? fresh, string path)
    {
        switch (reset, fresh)
        {
            case (null, null):
                return;
            case (IList list, null):
                list.Count.Should().Be(0, path);
                return;
            case (IList list, IList newList) when reset is not Array:
                list.Count.Should().Be(newList.Count, path);
                return;
            case (Array array, Array newArray):
                array.Length.Should().Be(newArray.Length, path);
                for (var i = 0; i < array.Length; i++)
                {
                    AssertAsNew(array.GetValue(i), newArray.GetValue(i), $"{path}[{i}]");
                }

                return;
            case (not null, _) when reset.GetType().DeclaringType == typeof(AdviceSheet):
                foreach (var field in Fields(reset.GetType()))
                {
                    AssertAsNew(field.GetValue(reset), fresh is null ? null : field.GetValue(fresh), $"{path}.{field.Name}");
                }

                return;
            case (AdviceSheet, AdviceSheet):
                foreach (var field in Fields(typeof(AdviceSheet)))
                {
                    AssertAsNew(field.GetValue(reset), field.GetValue(fresh), $"{path}.{field.Name}");
                }

                return;
            default:
                reset.Should().Be(fresh, path);
                return;
        }
    }

    private static FieldInfo[] Fields(Type type) => type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    /// <summary>Inserts nowhere, but records what the engine's sink records: the asserted facts.</summary>
    private readonly struct Facts(AdviceSheet sheet) : IFactSink
    {
        public void Insert(object fact) => sheet.Asserted.Add(fact);
    }
}
