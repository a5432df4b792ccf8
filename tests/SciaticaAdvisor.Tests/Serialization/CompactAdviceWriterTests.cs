using System.Buffers;
using System.Text;
using System.Text.Json;
using FsCheck.Fluent;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Serialization;

/// <summary>
/// The compact writer and its kept fragments give the serializer's bytes however often a string, a
/// plan or a rule set is written again, whatever the strings hold, and wherever the advice goes.
/// </summary>
public sealed class CompactAdviceWriterTests
{
    /// <summary>A rule set whose every kind of string needs escaping by the default encoder: quotes, HTML, an apostrophe, a plus, non-ASCII, an emoji.</summary>
    private const string EscapingRules = """
        name: "clinic <b>&amp;</b> 'ouest'"
        version: "1.0.0+é"
        rules:
          - id: calm
            name: "Relaxation, c'est « doux » & <calm>"
            guidance: G8
            priority: 50
            then:
              - recommend: { style: relaxation, score: 40, rationale: "Gentle \"strokes\" ease <pain> & stress — café 😀." }
              - recommend: { style: reflexology, score: 30, rationale: "Feet + hands; it's calm." }
              - adjunct: { therapy: heatIce, reason: "ice <48 h>, then heat & rest" }
              - note: "naïve 'note' + \"quoted\" <i>"
              - phase: maintenance
          - id: sore
            name: "Sore 'skin'"
            guidance: G7
            priority: 80
            when: { painIntensity: { atLeast: 5 } }
            then:
              - recommend: { style: relaxation, score: 5, rationale: "A second sentence, joined: 'é' < 'f'." }
              - contraindicate: { style: deepTissue, level: caution, reason: "no deep work <today> & 'never' hard" }
              - contraindicate: { style: deepTissue, level: caution, reason: "a second reason: ü" }
              - refer: { urgency: routine, reason: "see the \"clinic\" + its doctor" }

        """;

    [Fact]
    public void AdviceOfACustomRuleSetWhoseStringsNeedEscaping_IsTheSerializersBytes_OnEveryWrite()
    {
        var advisor = new AdvisorBuilder().AddRules(EscapingRules, "escaping.yaml").Build();
        var profiles = ProfileGenerators.Gen().Sample(numberOfSamples: 300, seed: new FsCheck.Rnd(7UL), size: 50);
        // The rule set ignores red flags and avoided styles, so the invariants refuse those profiles' advice: the others are enough.
        var advices = profiles.Select(p => Record.Exception(() => advisor.Advise(p)) is null ? advisor.Advise(p) : null).OfType<MassageAdvice>().ToList();
        advices.Should().HaveCountGreaterThan(50);
        advices.Should().Contain(a => a.Contraindications.Any(c => c.Reason.Contains("; ", StringComparison.Ordinal)), "a reason joined for one advice is written beside the rule set's own");
        advices.Should().Contain(a => a.Referral != null && a.Styles.IsEmpty == false);

        // Four rounds: a fragment is kept on its third write, so the fourth writes the kept bytes.
        for (var round = 0; round < 4; round++)
        {
            foreach (var advice in advices)
            {
                var expected = JsonSerializer.SerializeToUtf8Bytes(advice, SciaticaJsonContext.Default.MassageAdvice);
                Encoding.UTF8.GetString(ToBuffer(advice)).Should().Be(Encoding.UTF8.GetString(expected), $"round {round}");
                AdvisorJson.Serialize(advice).Should().Be(Encoding.UTF8.GetString(expected));
            }
        }

        Encoding.UTF8.GetString(ToBuffer(advices[0])).Should().Contain("\\u0027", "the rule set's apostrophes are escaped, as the serializer escapes them");
    }

    [Fact]
    public void AdvicesWrittenIntoACallersArray_AreSeparatedAsTheSerializerSeparatesThem()
    {
        var advices = Enumerable.Range(0, 6).Select(i => AdviceSamples.WithEveryEnumName() with { Notes = [$"note {i}"] }).ToArray();
        var expected = "[" + string.Join(",", advices.Select(a => JsonSerializer.Serialize(a, SciaticaJsonContext.Default.MassageAdvice))) + "]";

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("advices");
            writer.WriteStartArray();
            foreach (var advice in advices)
            {
                AdvisorJson.Serialize(writer, advice);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be("{\"advices\":" + expected + "}");
    }

    [Fact]
    public void SerializeToABuffer_AppendsAfterWhatItHolds_AndAnAdviceWithNullsTakesTheSerializersPath()
    {
        var sample = AdviceSamples.WithEveryEnumName();
        var withNulls = sample with { Notes = [null!, "after"], Styles = [null!, .. sample.Styles] };
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write("prefix\n"u8);

        AdvisorJson.Serialize(buffer, sample);
        buffer.Write("\n"u8);
        AdvisorJson.Serialize(buffer, withNulls);

        Encoding.UTF8.GetString(buffer.WrittenSpan).Should().Be(
            "prefix\n"
            + JsonSerializer.Serialize(sample, SciaticaJsonContext.Default.MassageAdvice) + "\n"
            + JsonSerializer.Serialize(withNulls, SciaticaJsonContext.Default.MassageAdvice));
    }

    [Fact]
    public void AnAdviceLargerThanOneSpan_IsWrittenWhole()
    {
        var sample = AdviceSamples.WithEveryEnumName();
        var large = sample with { Notes = [.. Enumerable.Range(0, 400).Select(i => $"note {i}: " + new string('x', i))] };

        Encoding.UTF8.GetString(ToBuffer(large)).Should().Be(JsonSerializer.Serialize(large, SciaticaJsonContext.Default.MassageAdvice));
    }

    [Fact]
    public void Fragments_AreKeptOnTheThirdWrite_AndFoundByThatInstanceOnly()
    {
        var fragments = new EncodedFragments();
        var value = new string('a', 3);
        var equal = new string('a', 3);
        var hash = EncodedFragments.HashOf(value);

        fragments.Offer(value, hash, "\"aaa\""u8);
        fragments.Offer(value, hash, "\"aaa\""u8);
        fragments.TryGet(value, hash, out _).Should().BeFalse("a value written twice (the joined strings of an advice batch writes twice) leaves only a mark");

        fragments.Offer(value, hash, "\"aaa\""u8);
        fragments.TryGet(value, hash, out var json).Should().BeTrue();
        json.Should().Equal("\"aaa\""u8.ToArray());
        fragments.TryGet(equal, EncodedFragments.HashOf(equal), out _).Should().BeFalse("another instance is encoded again, however equal");
    }

    [Fact]
    public void Fragments_LongerThanTheBound_AreNeverKept()
    {
        var fragments = new EncodedFragments();
        var value = new object();
        var hash = EncodedFragments.HashOf(value);
        var json = new byte[EncodedFragments.MaxBytes + 1];

        for (var i = 0; i < EncodedFragments.Sightings + 1; i++)
        {
            fragments.Offer(value, hash, json);
        }

        fragments.TryGet(value, hash, out _).Should().BeFalse();
    }

    [Fact]
    public void Fragments_InAFullSet_ReplaceOneNotCopiedFrom_AndSpareOnesThatWere()
    {
        // Hashes 1,024 apart share a set of two places; each has its own mark.
        var fragments = new EncodedFragments();
        var (a, b, c, d) = (new object(), new object(), new object(), new object());
        void Keep(object value, int hash)
        {
            for (var i = 0; i < EncodedFragments.Sightings; i++)
            {
                fragments.Offer(value, hash, "1"u8);
            }
        }

        Keep(a, 5);
        Keep(b, 5 + 1024);
        fragments.TryGet(a, 5, out _).Should().BeTrue();

        Keep(c, 5 + 2048);
        fragments.TryGet(c, 5 + 2048, out _).Should().BeTrue("it takes the place of b, not copied from");
        fragments.TryGet(b, 5 + 1024, out _).Should().BeFalse();
        fragments.TryGet(a, 5, out _).Should().BeTrue("a was copied from, so it stays");

        Keep(d, 5 + 3072);
        fragments.TryGet(d, 5 + 3072, out _).Should().BeFalse("both places were copied from: one is spared, d waits");

        fragments.Offer(d, 5 + 3072, "1"u8);
        fragments.TryGet(d, 5 + 3072, out _).Should().BeTrue("the next time, the place spared and not copied from since is free for it");
        (fragments.TryGet(a, 5, out _) ^ fragments.TryGet(c, 5 + 2048, out _)).Should().BeTrue("d took the place of exactly one of them");
    }

    private static byte[] ToBuffer(MassageAdvice advice)
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        AdvisorJson.Serialize(buffer, advice);
        return buffer.WrittenSpan.ToArray();
    }
}
