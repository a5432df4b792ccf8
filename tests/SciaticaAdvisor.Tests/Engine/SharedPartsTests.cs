using System.Runtime.InteropServices;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Engine;

/// <summary>
/// The assembler's arrays and joined strings are shared per combination of parts (by reference, in
/// order), and a shared one always holds exactly what a new one would.
/// </summary>
public class SharedPartsTests
{
    [Fact]
    public void Of_TheSamePartsAgain_GivesTheSameArray()
    {
        var table = new SharedArrays<string>();
        List<string> parts = ["a", "b", "c"];

        var first = table.Of(parts);
        var second = table.Of([.. parts]);

        first.Should().Equal(parts);
        ArrayOf(second).Should().BeSameAs(ArrayOf(first));
    }

    [Fact]
    public void Of_EqualTextInOtherInstances_IsAnotherCombination_WithTheSameContent()
    {
        var table = new SharedArrays<string>();
        var kept = table.Of(["ab", "c"]);
        List<string> copies = [new string("ab".AsSpan()), "c"];

        var other = table.Of(copies);

        other.Should().Equal(kept);
        ArrayOf(other).Should().NotBeSameAs(ArrayOf(kept));
        other[0].Should().BeSameAs(copies[0]);
    }

    [Fact]
    public void Of_PartsInAnotherOrder_AreAnotherCombination()
    {
        var table = new SharedArrays<string>();
        table.Of(["a", "b"]);

        table.Of(["b", "a"]).Should().Equal("b", "a");
    }

    [Fact]
    public void Of_NoParts_IsEmpty() => new SharedArrays<string>().Of([]).Should().BeEmpty();

    [Fact]
    public void Of_MoreThanMaxParts_IsNeverKept()
    {
        var table = new SharedArrays<string>();
        var parts = Enumerable.Range(0, SharedArrays<string>.MaxParts + 1).Select(i => $"p{i}").ToList();

        var first = table.Of(parts);
        var second = table.Of(parts);

        second.Should().Equal(parts);
        ArrayOf(second).Should().NotBeSameAs(ArrayOf(first));
    }

    [Fact]
    public void Of_ManyThreadsAndMoreCombinationsThanPlaces_GiveEachItsOwnParts()
    {
        var table = new SharedArrays<string>();
        var words = Enumerable.Range(0, 200).Select(i => $"w{i}").ToArray();
        var wrong = 0;

        Parallel.For(0, 8, thread =>
        {
            var random = new Random(thread);
            for (var i = 0; i < 50_000; i++)
            {
                var parts = Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]).ToList();
                if (!table.Of(parts).SequenceEqual(parts))
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        wrong.Should().Be(0);
    }

    [Fact]
    public void Join_OnePart_IsThePartItself()
    {
        var part = new string("only".AsSpan());

        new SharedJoins("; ").Join([part]).Should().BeSameAs(part);
    }

    [Fact]
    public void Join_TheSamePartsAgain_GivesTheSameString_JoinedWithTheSeparator()
    {
        var joins = new SharedJoins("; ");
        List<string> parts = ["no deep pressure", "bleeding and bruising"];

        var first = joins.Join(parts);
        var second = joins.Join([.. parts]);

        first.Should().Be("no deep pressure; bleeding and bruising");
        second.Should().BeSameAs(first);
        joins.Join(["bleeding and bruising", "no deep pressure"]).Should().Be("bleeding and bruising; no deep pressure");
    }

    [Fact]
    public void Join_LongerThanMaxLength_IsNeverKept()
    {
        var joins = new SharedJoins(" ");
        List<string> parts = [new string('x', SharedJoins.MaxLength), "y"];

        var first = joins.Join(parts);
        var second = joins.Join(parts);

        second.Should().Be(first).And.HaveLength(SharedJoins.MaxLength + 2);
        second.Should().NotBeSameAs(first);
    }

    [Fact]
    public void TwoAdvicesOfTheSameProfile_ShareTheirArraysAndStrings()
    {
        // Uncached, so the engine assembles both: only the shared parts can make them the same instances.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.HerniatedDisc,
            Flare = FlareState.Acute,
            PainSensitivity = PainSensitivity.Moderate,
            PainIntensity = 7,
            Conditions = [HealthCondition.Anticoagulants],
            Symptoms = [Symptom.Tingling, Symptom.RadiatingLegPain, Symptom.LowerBackPain],
        };

        var first = advisor.Advise(profile);
        var second = advisor.Advise(profile);

        second.Should().NotBeSameAs(first);
        second.Trace.Zip(first.Trace).Should().OnlyContain(pair => ReferenceEquals(pair.First, pair.Second));
        ArrayOf(second.Notes).Should().BeSameAs(ArrayOf(first.Notes));
        second.Styles.Should().Contain(s => s.Rationale.Count(c => c == '.') > 1, "the profile must give a joined rationale for this test to mean anything");
        second.Styles.Zip(first.Styles).Should().OnlyContain(pair =>
            ReferenceEquals(pair.First.Rationale, pair.Second.Rationale) && ReferenceEquals(ArrayOf(pair.First.RuleIds), ArrayOf(pair.Second.RuleIds)));
        second.Contraindications.Should().Contain(c => c.Reason.Contains("; ", StringComparison.Ordinal), "the profile must give a joined reason for this test to mean anything");
        second.Contraindications.Zip(first.Contraindications).Should().OnlyContain(pair =>
            ReferenceEquals(pair.First.Reason, pair.Second.Reason) && ReferenceEquals(ArrayOf(pair.First.RuleIds), ArrayOf(pair.Second.RuleIds)));
    }

    private static T[] ArrayOf<T>(System.Collections.Immutable.ImmutableArray<T> array) => ImmutableCollectionsMarshal.AsArray(array)!;
}
