using System.Collections.Concurrent;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Studies;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>The study's memo of input classes: every kept class gives back exactly its own cells, whatever the order, the number or the threads.</summary>
public sealed class ClassMemoTests
{
    private static readonly RuleIds Rules = new([.. Enumerable.Range(0, 300).Select(i => $"rule-{i}")]);

    private static readonly AdviceCells.Outcome[] Outcomes = OutcomesOfSampledAdvice();

    [Fact]
    public void TryGet_AfterTryAdd_GivesEachClassItsOwnCells_PastEveryGrowthOfTheTable()
    {
        var memo = new ClassMemo(100_000, 3, Rules);
        // Keys that differ only in high bits, low bits, or sign, so that many share a slot and probe past each other.
        var keys = Enumerable.Range(0, 60_000).Select(i => (i % 3) switch { 0 => (long)i << 40, 1 => i, _ => -i - 1L }).ToList();
        foreach (var key in keys)
        {
            var cells = CellsOf(key);
            memo.TryAdd(key, cells).Should().BeTrue();
            Same(cells, CellsOf(key)).Should().BeTrue("the memo's copy of the fired rules has the same numbers");
        }

        var found = new AdviceCells[3];
        foreach (var key in keys)
        {
            memo.TryGet(key, found).Should().BeTrue();
            Same(found, CellsOf(key)).Should().BeTrue($"class {key} gets its own cells back");
        }

        memo.Count.Should().Be(keys.Count);
        memo.TryGet(7L << 40, found).Should().BeFalse("a class never added is not found, though its slot is taken");
        memo.TryAdd(keys[5], CellsOf(keys[5])).Should().BeFalse("a class is kept once");
    }

    [Fact]
    public void TryAdd_PastItsCapacity_KeepsNoMore_AndLeavesTheCellsAsTheyWere()
    {
        var memo = new ClassMemo(10, 3, Rules);
        for (var key = 0L; key < 10; key++)
        {
            memo.TryAdd(key, CellsOf(key)).Should().BeTrue();
        }

        var cells = CellsOf(10);
        var numbers = cells[0].Fired.Numbers;
        memo.TryAdd(10, cells).Should().BeFalse();
        cells[0].Fired.Numbers.Equals(numbers).Should().BeTrue("cells the memo did not keep still point at their own numbers");
        memo.TryGet(10, new AdviceCells[3]).Should().BeFalse();
        memo.Count.Should().Be(10);
        new ClassMemo(0, 3, Rules).Keeps.Should().BeFalse();
        new ClassMemo(0, 3, Rules).TryGet(0, new AdviceCells[3]).Should().BeFalse();
    }

    [Fact]
    public void TryAdd_VariantsThatFiredTheSameSlice_ShareOneCopy_AndOthersGetTheirOwn()
    {
        var memo = new ClassMemo(10, 3, Rules);
        var shared = Fired(3, 9, 27, 81);
        AdviceCells[] cells = [AdviceCells.Of(Outcomes[0], shared), AdviceCells.Of(Outcomes[1], shared), AdviceCells.Of(Outcomes[0], Fired(3, 9, 27, 81))];

        memo.TryAdd(1, cells).Should().BeTrue();
        var found = new AdviceCells[3];
        memo.TryGet(1, found);

        found[1].Fired.Numbers.Equals(found[0].Fired.Numbers).Should().BeTrue("the second variant fired the first's very slice");
        found[2].Fired.Numbers.Equals(found[0].Fired.Numbers).Should().BeFalse("the third's equal numbers were a slice of their own");
        found.Select(c => c.Fired.Numbers.ToArray()).Should().AllSatisfy(n => n.Should().Equal(3, 9, 27, 81));
        found[1].Common.Should().BeSameAs(Outcomes[1]);
    }

    [Fact]
    public void TryGet_WhileOtherThreadsAdd_NeverGivesAnotherClassesCells()
    {
        var memo = new ClassMemo(50_000, 3, Rules);
        var wrong = new ConcurrentBag<long>();
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var found = new AdviceCells[3];
            for (var i = 0L; i < 40_000; i++)
            {
                // Every worker adds and reads the same classes in a different order.
                var key = (i * (worker + 1) * 7919) % 40_000;
                if (memo.TryGet(key, found) && !Same(found, CellsOf(key)))
                {
                    wrong.Add(key);
                }

                memo.TryAdd(key, CellsOf(key));
            }
        });

        wrong.Should().BeEmpty();
        memo.Count.Should().Be(40_000);
        var all = new AdviceCells[3];
        Enumerable.Range(0, 40_000).Should().OnlyContain(k => memo.TryGet(k, all) && Same(all, CellsOf(k)));
    }

    [Fact]
    public void JoinAndText_WriteTheIdsOfTheNumbersInFiringOrder()
    {
        var arena = new TextArena(16);

        Fired(2, 0, 299).Join(arena).ToString().Should().Be("rule-2;rule-0;rule-299");
        Fired().Join(arena).ToString().Should().BeEmpty();
        Fired(2, 0, 299).Text().Should().Be("rule-2;rule-0;rule-299", "CSV's cell is the same text");
        new RuleIds(["a", "b"]).Number([new TraceEntry("b", "B"), new TraceEntry("a", "A")], new ushort[2]).Should().Be(2);
        var unknown = () => new RuleIds(["a"]).Number([new TraceEntry("z", "Z")], new ushort[1]);
        unknown.Should().Throw<InvalidOperationException>().WithMessage("*'z'*");
    }

    /// <summary>A class's cells, made from its key alone: a fault now and then, fired rules that differ by class, the second variant sharing the first's slice.</summary>
    private static AdviceCells[] CellsOf(long key)
    {
        var mixed = (ulong)key * 0x9E3779B97F4A7C15UL;
        if (mixed % 17 == 0)
        {
            return [AdviceCells.OfFault($"fault of {key}"), AdviceCells.OfFault($"fault of {key}"), AdviceCells.Of(Outcomes[0], Fired())];
        }

        var length = (int)(mixed % 23);
        var first = Fired([.. Enumerable.Range(0, length).Select(i => (ushort)((mixed >> (i % 50)) % 300))]);
        var third = Fired([.. first.Numbers.ToArray().Reverse()]);
        return [AdviceCells.Of(Outcomes[(int)(mixed % (ulong)Outcomes.Length)], first), AdviceCells.Of(Outcomes[0], first), AdviceCells.Of(Outcomes[^1], third)];
    }

    private static bool Same(AdviceCells[] found, AdviceCells[] expected) =>
        found.Zip(expected).All(p => ReferenceEquals(p.First.Common, p.Second.Common) && p.First.Fault == p.Second.Fault
            && p.First.Fired.Numbers.Span.SequenceEqual(p.Second.Fired.Numbers.Span));

    private static FiredRules Fired(params ushort[] numbers) => new(Rules, numbers);

    private static AdviceCells.Outcome[] OutcomesOfSampledAdvice()
    {
        var advisor = Advisor.CreateDefault();
        var sampler = new ProfileSampler(new Random(11));
        var texts = new StudyTexts();
        return [.. Enumerable.Range(0, 8).Select(_ => new AdviceCells.Outcome(advisor.Advise(sampler.Next()), texts))];
    }
}
