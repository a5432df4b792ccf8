using System.Buffers;
using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

public sealed class AdviceBytesMemoTests
{
    private static readonly Lazy<Advisor> Cached = new(() => new AdvisorBuilder().Build());

    [Fact]
    public void Write_ACachedAdviceWrittenAgain_CopiesTheBytesAFreshSerializationGives()
    {
        var sampler = new ProfileSampler(new Random(7));
        var memo = new AdviceBytesMemo();
        var advices = Enumerable.Range(0, 50).Select(_ => Cached.Value.Advise(sampler.Next())).ToArray();

        // Each profile advised again is a cache hit: the very same instance, written three times.
        for (var round = 0; round < 3; round++)
        {
            foreach (var advice in advices)
            {
                Write(memo, advice).Should().Be(AdvisorJson.Serialize(advice));
            }
        }

        // Where two advices share a set of the memo's table and a mark, they may push each other out
        // (identity hashes are not chosen by the test), so not every one need be a copy.
        memo.Count.Should().BeGreaterThan(advices.Length / 2, "an advice written a second time is remembered");
        memo.Hits.Should().BeGreaterThan(advices.Length / 2, "the third round copies them");
    }

    [Fact]
    public void Write_AnEqualAdviceThatIsAnotherInstance_IsSerializedItself()
    {
        var memo = new AdviceBytesMemo();
        var first = AdviceSamples.WithEveryEnumName();
        Write(memo, first);
        Write(memo, first);

        // Another instance (a replayed class is one) is never answered from the memo, whatever its content.
        var other = first with { Notes = ["another note"] };
        Write(memo, other).Should().Be(AdvisorJson.Serialize(other));
        memo.Hits.Should().Be(0);
        Write(memo, first).Should().Be(AdvisorJson.Serialize(first));
        memo.Hits.Should().Be(1);
    }

    [Fact]
    public void Write_AdvicesWrittenOnce_AreNotKept()
    {
        var memo = new AdviceBytesMemo();
        foreach (var advice in Distinct(500))
        {
            Write(memo, advice);
        }

        memo.Count.Should().Be(0);
        memo.Bytes.Should().Be(0);
    }

    [Fact]
    public void Write_ManyAdvicesWrittenTwice_StaysWithinItsBoundsAndWritesEveryOneRight()
    {
        const int slots = 64;
        const long maxBytes = 40_000;
        var memo = new AdviceBytesMemo(slots, maxBytes, maxEntryBytes: 8_000);
        var advices = Distinct(2_000);

        // Each one twice in a row (remembered), then all of them again (copied where still kept).
        foreach (var advice in advices.SelectMany(a => new[] { a, a }).Concat(advices))
        {
            Write(memo, advice).Should().Be(AdvisorJson.Serialize(advice));
            memo.Bytes.Should().BeLessThanOrEqualTo(maxBytes);
        }

        memo.Count.Should().BeInRange(1, slots);
        memo.Hits.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Write_AnAdviceLongerThanTheEntryBound_IsAlwaysSerialized()
    {
        var memo = new AdviceBytesMemo(16, 1_000_000, maxEntryBytes: 100);
        var advice = AdviceSamples.WithEveryEnumName();
        for (var i = 0; i < 3; i++)
        {
            Write(memo, advice).Should().Be(AdvisorJson.Serialize(advice));
        }

        memo.Count.Should().Be(0);
        memo.Hits.Should().Be(0);
    }

    [Fact]
    public void Write_FromManyThreads_WritesEveryAdviceRightAndKeepsTheBound()
    {
        const long maxBytes = 200_000;
        var memo = new AdviceBytesMemo(256, maxBytes, maxEntryBytes: 8_000);
        var advices = Distinct(300);
        var expected = advices.Select(a => AdvisorJson.Serialize(a)).ToArray();
        var wrong = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            var random = new Random(worker);
            for (var i = 0; i < 3_000; i++)
            {
                var pick = random.Next(advices.Length);
                if (Write(memo, advices[pick]) != expected[pick])
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        });

        wrong.Should().Be(0);
        memo.Bytes.Should().BeLessThanOrEqualTo(maxBytes);
        memo.Hits.Should().BeGreaterThan(0);
    }

    /// <summary>As <c>batch</c> writes an advice: a copy when the memo has it, else serialized and offered.</summary>
    private static string Write(AdviceBytesMemo memo, MassageAdvice advice)
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("x"u8); // the memo's bytes are the advice's alone, wherever in the buffer they start
        if (!memo.TryCopy(advice, output))
        {
            using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
            var start = output.WrittenCount;
            AdvisorJson.Serialize(writer, advice);
            memo.Offer(advice, output.WrittenSpan[start..]);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan[1..]);
    }

    private static MassageAdvice[] Distinct(int count)
    {
        var sample = AdviceSamples.WithEveryEnumName();
        return [.. Enumerable.Range(0, count).Select(i => sample with { Notes = [$"note {i}"] })];
    }
}
