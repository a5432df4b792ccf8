using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Engine;

public class ClassTableTests
{
    private static readonly MassageAdvice[] Advices = MakeAdvices();

    [Fact]
    public void AClassAdded_IsFoundWithItsFiredRulesAndItsAdvice()
    {
        var table = new ClassTable(classes: 10, advices: 10);
        ushort[] fired = [3, 1, 2];

        table.TryGet(42, out _, out _).Should().BeFalse();
        table.Add(42, fired, Advices[0]);

        table.TryGet(42, out var found, out var advice).Should().BeTrue();
        found.ToArray().Should().Equal(fired);
        advice.Should().BeSameAs(Advices[0]);
        table.TryGet(43, out _, out _).Should().BeFalse();
    }

    [Fact]
    public void TheFirstEntryForAKey_Wins()
    {
        var table = new ClassTable(classes: 10, advices: 10);
        ushort[] first = [1];
        table.Add(7, first, Advices[0]);
        table.Add(7, [2], Advices[1]);

        table.TryGet(7, out var fired, out var advice).Should().BeTrue();
        fired.ToArray().Should().Equal(first);
        advice.Should().BeSameAs(Advices[0]);
        table.Classes.Should().Be(1);
    }

    [Fact]
    public void PastItsAdviceBound_AClassKeepsOnlyItsFiredRules()
    {
        var table = new ClassTable(classes: 10, advices: 2);
        for (var key = 0L; key < 4; key++)
        {
            table.Add(key, [(ushort)key], Advices[key]);
        }

        table.Classes.Should().Be(4);
        table.Advices.Should().Be(2);
        for (var key = 0L; key < 4; key++)
        {
            table.TryGet(key, out var fired, out var advice).Should().BeTrue();
            fired.ToArray().Should().Equal((ushort)key);
            advice.Should().BeSameAs(key < 2 ? Advices[key] : null);
        }

        var none = new ClassTable(classes: 10, advices: 0);
        none.Add(8, [8], Advices[0]);
        none.TryGet(8, out _, out var kept).Should().BeTrue();
        kept.Should().BeNull();
    }

    [Fact]
    public void PastItsClassBound_TheTableKeepsWhatItHas()
    {
        var table = new ClassTable(classes: 100, advices: 0);
        for (var key = 0L; key < 150; key++)
        {
            table.Add(key * 1_000_003, [(ushort)key], Advices[0]);
        }

        table.Classes.Should().Be(100);
        for (var key = 0L; key < 150; key++)
        {
            var found = table.TryGet(key * 1_000_003, out var fired, out _);
            found.Should().Be(key < 100, $"class {key}");
            if (found)
            {
                fired.ToArray().Should().Equal((ushort)key);
            }
        }
    }

    [Fact]
    public void Growing_KeepsEveryClass_AndAnyKeyWorks()
    {
        long[] awkward = [0, -1, long.MinValue, long.MaxValue, 1L << 32, 1L << 63 >> 1];
        var keys = awkward.Concat(Enumerable.Range(1, 20_000).Select(i => (long)i * 64)).ToList();
        var table = new ClassTable(classes: keys.Count, advices: keys.Count / 2);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            table.Add(key, FiredOf(i), Advices[i % Advices.Length]);
        }

        table.Classes.Should().Be(keys.Count);
        foreach (var (key, i) in keys.Select((k, i) => (k, i)))
        {
            table.TryGet(key, out var fired, out var advice).Should().BeTrue($"key {key}");
            fired.ToArray().Should().Equal(FiredOf(i));
            if (i < keys.Count / 2)
            {
                advice.Should().BeSameAs(Advices[i % Advices.Length]);
            }
            else
            {
                advice.Should().BeNull();
            }
        }

        table.TryGet(7, out _, out _).Should().BeFalse();
    }

    [Fact]
    public void FiredRulesOfAnyLength_ComeBackWhole_AcrossThePoolsSegments()
    {
        // 3 runs of 30,000 fill a segment but the third, which opens the next one; the longest run a
        // segment holds fits; a longer one is not kept (and the class is then advised by the engine).
        var table = new ClassTable(classes: 10, advices: 10);
        ushort[][] runs = [Run(30_000, 1), Run(30_000, 2), Run(30_000, 3), Run(ClassTable.SegmentLength - 1, 4), [], Run(5, 5)];
        for (var k = 0; k < runs.Length; k++)
        {
            table.Add(k, runs[k], Advices[k]);
        }

        table.Add(99, Run(ClassTable.SegmentLength, 6), Advices[6]);

        for (var k = 0; k < runs.Length; k++)
        {
            table.TryGet(k, out var fired, out var advice).Should().BeTrue();
            fired.ToArray().Should().Equal(runs[k]);
            advice.Should().BeSameAs(Advices[k]);
        }

        table.TryGet(99, out _, out _).Should().BeFalse();
        table.Classes.Should().Be(runs.Length);

        static ushort[] Run(int length, int seed) => [.. Enumerable.Range(0, length).Select(j => (ushort)((j * 7) + seed))];
    }

    [Fact]
    public void PastItsLastSegment_TheTableTakesNoClassThatWouldNeedAnother()
    {
        // Two segments at most: runs of 30,000 rules fill them two by two; the fifth would need a third.
        var table = new ClassTable(classes: 100, advices: 0, maxSegments: 2);
        var runs = Enumerable.Range(0, 5).Select(k => Enumerable.Range(0, 30_000).Select(j => (ushort)(j + k)).ToArray()).ToArray();
        for (var k = 0; k < runs.Length; k++)
        {
            table.Add(k, runs[k], Advices[0]);
        }

        table.Add(10, [1, 2, 3], Advices[0]); // still fits the second segment's tail

        table.Classes.Should().Be(5);
        for (var k = 0; k < 4; k++)
        {
            table.TryGet(k, out var fired, out _).Should().BeTrue();
            fired.ToArray().Should().Equal(runs[k]);
        }

        table.TryGet(4, out _, out _).Should().BeFalse("a class whose rules fit no segment is not kept (the engine answers it)");
        table.TryGet(10, out var small, out _).Should().BeTrue();
        small.ToArray().Should().Equal((ushort)1, (ushort)2, (ushort)3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(24)]
    [InlineData(40)]
    [InlineData(48)]
    [InlineData(52)]
    public void KeysThatDifferInAnyBits_SpreadOverTheSlots(int shift)
    {
        // Mixed-radix keys with power-of-two radices put a field in bits of its own, high ones too.
        const int Mask = (1 << 16) - 1;
        var starts = Enumerable.Range(0, 4096).Select(i => ClassTable.IndexOf((long)i << shift, Mask)).ToList();

        starts.Should().OnlyContain(i => i >= 0 && i <= Mask);
        starts.Distinct().Count().Should().BeGreaterThan(3000, $"4,096 keys differing only from bit {shift} up");
    }

    [Fact]
    public void ReadersAndWritersAtOnce_OnlyEverSeeWhatWasAdded()
    {
        // Four threads add overlapping keys, each key's rules derived from the key, and read keys the
        // others add while the table grows: a found class must always carry its own rules and advice.
        const int Keys = 40_000;
        var table = new ClassTable(classes: Keys, advices: Keys / 4);
        var wrong = 0;
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, thread =>
        {
            for (var n = 0; n < Keys; n++)
            {
                var key = (long)((n * 7919L) + thread) % Keys;
                table.Add(key, FiredOf(key), Advices[key % Advices.Length]);
                var probe = (key * 31) % Keys;
                if (table.TryGet(probe, out var fired, out var advice)
                    && (!fired.SequenceEqual(FiredOf(probe)) || (advice is not null && !ReferenceEquals(advice, Advices[probe % Advices.Length]))))
                {
                    Interlocked.Increment(ref wrong);
                }

            }
        });

        wrong.Should().Be(0);
        table.Advices.Should().Be(Keys / 4);
        table.Classes.Should().Be(Keys);
        for (var key = 0L; key < Keys; key++)
        {
            table.TryGet(key, out var fired, out _).Should().BeTrue();
            fired.ToArray().Should().Equal(FiredOf(key));
        }
    }

    /// <summary>A run of rule indexes of a length and content of the key's own (1 to 40 long), so entries fill and cross the pool's segments.</summary>
    private static ushort[] FiredOf(long key) => [.. Enumerable.Range(0, 1 + (int)(key % 40)).Select(j => (ushort)((key + j) % 65_536))];

    /// <summary>Distinct advice instances (the table compares them by reference only).</summary>
    private static MassageAdvice[] MakeAdvices()
    {
        // Uncached, so every call makes a new instance.
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        var profile = new SymptomProfile
        {
            Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low,
            PainIntensity = 5, SymptomWeeks = 13, DiagnosisConfirmed = true, ClinicianApproved = true,
        };
        return [.. Enumerable.Range(0, 8).Select(_ => advisor.Advise(profile))];
    }
}
