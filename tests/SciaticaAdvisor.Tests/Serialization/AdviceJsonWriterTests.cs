using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck.Fluent;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Scenarios;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Tests.Properties;
using SciaticaAdvisor.Tests.Scenarios;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Serialization;

/// <summary>The hand-written advice writer gives the serializer's bytes exactly, compact and indented, on every path.</summary>
public sealed class AdviceJsonWriterTests
{
    private const string AwkwardText = "\"quoted\" caf\u00e9 <b>&amp;</b> 'x' line\u2028sep\u2029 tab\t nl\n ctl\u0001 del\u007f \\ / emoji \U0001F600 lone\ud800 end";

    private static readonly Lazy<Advisor> DefaultAdvisor = new(Advisor.CreateDefault);

    private static readonly SciaticaJsonContext IndentedContext = new(new JsonSerializerOptions(SciaticaJsonContext.Default.Options) { WriteIndented = true });

    [Fact]
    public void Write_EveryScenarioAdvice_MatchesTheSerializer()
    {
        var advices = RepoPaths.ScenarioFiles
            .SelectMany(path => ScenarioFile.Load(path).Scenarios)
            .Select(s => (s.ToString(), DefaultAdvisor.Value.Advise(s.Profile)))
            .ToList();

        advices.Should().NotBeEmpty();
        advices.Select(a => a.Item2.Status).Distinct().Should().HaveCount(3, "the scenarios reach every status");
        AssertAllMatch(advices);
    }

    [Fact]
    public void Write_ThousandsOfRandomProfilesAdvice_MatchesTheSerializer()
    {
        // A fixed seed: the same profiles on every run, drawn by the generator the property tests use.
        var profiles = ProfileGenerators.Gen().Sample(numberOfSamples: 3000, seed: new FsCheck.Rnd(20_240_611UL), size: 50);
        profiles.Should().HaveCount(3000);
        profiles.Distinct().Should().HaveCountGreaterThan(2900, "the seed draws distinct profiles, not one repeated");

        AssertAllMatch([.. profiles.Select((p, i) => ($"profile {i}: {AdvisorJson.Serialize(p)}", DefaultAdvisor.Value.Advise(p)))]);
    }

    [Fact]
    public void Write_EveryOptionalAndNullableBranch_MatchesTheSerializer()
    {
        var sample = AdviceSamples.WithEveryEnumName();
        var layered = sample.RuleSet with
        {
            Layers =
            [
                new RuleSetInfo { Name = "base", Version = "1", Sha256 = "a" },
                new RuleSetInfo { Name = "clinic", Version = "2", Sha256 = "b", Layers = [new RuleSetInfo { Name = "nested", Version = "3", Sha256 = "c" }] },
            ],
        };

        AssertAllMatch(
        [
            ("sample", sample),
            ("no plan", sample with { Plan = null }),
            ("no referral", sample with { Referral = null }),
            ("no plan, no referral", sample with { Plan = null, Referral = null }),
            ("layers", sample with { RuleSet = layered }),
            ("empty layers", sample with { RuleSet = sample.RuleSet with { Layers = [] } }),
            ("null layer", sample with { RuleSet = sample.RuleSet with { Layers = [null!] } }),
            ("empty arrays", Empty()),
            ("empty inner arrays", EmptyInside(sample)),
            ("null items", NullItems(sample)),
            ("awkward strings", Awkward(sample, layered)),
            ("numbers", Numbers(sample)),
            ("open-ended and bounded phases", sample with { Plan = FrequencyPlan.For(PlanPhase.Corrective) }),
        ]);
    }

    [Fact]
    public void Write_EveryMemberOfEveryAdviceEnum_MatchesTheSerializer()
    {
        var sample = AdviceSamples.WithEveryEnumName();
        var style = sample.Styles[0];
        var advices = new List<(string, MassageAdvice)>();
        foreach (var value in Enum.GetValues<AdviceStatus>())
        {
            advices.Add(($"{value}", sample with { Status = value }));
        }

        foreach (var value in Enum.GetValues<MassageStyle>())
        {
            advices.Add(($"{value}", sample with { Styles = [style with { Style = value }], Contraindications = [sample.Contraindications[0] with { Style = value }] }));
        }

        foreach (var value in Enum.GetValues<Pressure>())
        {
            advices.Add(($"{value}", sample with { Styles = [style with { Pressure = value }] }));
        }

        advices.Add(("focus areas", sample with { Styles = [style with { FocusAreas = [.. Enum.GetValues<FocusArea>()] }] }));
        foreach (var value in Enum.GetValues<ContraindicationLevel>())
        {
            advices.Add(($"{value}", sample with { Contraindications = [sample.Contraindications[0] with { Level = value }] }));
        }

        foreach (var value in Enum.GetValues<AdjunctTherapy>())
        {
            advices.Add(($"{value}", sample with { Adjuncts = [sample.Adjuncts[0] with { Therapy = value }] }));
        }

        foreach (var value in Enum.GetValues<ReferralUrgency>())
        {
            advices.Add(($"{value}", sample with { Referral = sample.Referral! with { Urgency = value } }));
        }

        foreach (var value in Enum.GetValues<PlanPhase>())
        {
            advices.Add(($"{value}", sample with { Plan = FrequencyPlan.For(value) }));
        }

        AssertAllMatch(advices);
    }

    [Fact]
    public void Serialize_IntoACallersWriter_MatchesTheSerializerWithThatWritersOptions()
    {
        var advice = Awkward(AdviceSamples.WithEveryEnumName(), AdviceSamples.WithEveryEnumName().RuleSet);
        foreach (var options in new[]
        {
            default(JsonWriterOptions),
            new JsonWriterOptions { Indented = true },
            new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
            new JsonWriterOptions { Indented = true, IndentCharacter = '\t', IndentSize = 1, NewLine = "\r\n" },
        })
        {
            var expected = Written(options, w => JsonSerializer.Serialize(w, advice, SciaticaJsonContext.Default.MassageAdvice), out var expectedPending);
            var actual = Written(options, w => AdvisorJson.Serialize(w, advice), out var actualPending);

            Encoding.UTF8.GetString(actual).Should().Be(Encoding.UTF8.GetString(expected));
            actual.Should().Equal(expected);
            actualPending.Should().Be(expectedPending, "both flush the writer").And.Be(0);
        }
    }

    [Fact]
    public void Serialize_NullAdvice_WritesNullAsTheSerializerDid()
    {
        AdvisorJson.Serialize(null!).Should().Be(JsonSerializer.Serialize(null, SciaticaJsonContext.Default.MassageAdvice)).And.Be("null");
    }

    public static TheoryData<string> InvalidAdvices() => [.. Invalid().Keys];

    [Theory]
    [MemberData(nameof(InvalidAdvices))]
    public void Write_AdviceTheSerializerRefuses_IsRefusedWithTheSameExceptionType(string name)
    {
        var advice = Invalid()[name];
        var serializer = Record.Exception(() => JsonSerializer.Serialize(advice, SciaticaJsonContext.Default.MassageAdvice));

        var writer = Record.Exception(() => AdvisorJson.Serialize(advice));
        var buffer = Record.Exception(() => AdvisorJson.Serialize(new ArrayBufferWriter<byte>(), advice));

        serializer.Should().NotBeNull();
        writer.Should().NotBeNull().And.BeOfType(serializer!.GetType());
        buffer.Should().NotBeNull().And.BeOfType(serializer.GetType());
    }

    [Fact]
    public void Serialize_AfterAFailedCall_StartsClean()
    {
        var advice = AdviceSamples.WithEveryEnumName();
        var act = () => AdvisorJson.Serialize(Invalid()["NaN score"]);
        act.Should().Throw<ArgumentException>();

        AdvisorJson.Serialize(advice).Should().Be(JsonSerializer.Serialize(advice, SciaticaJsonContext.Default.MassageAdvice));
        AdvisorJson.Serialize(advice, indented: true).Should().Be(JsonSerializer.Serialize(advice, IndentedContext.MassageAdvice));
    }

    [Fact]
    public void Serialize_FromManyThreadsAtOnce_GivesEachCallItsOwnJson()
    {
        var sample = AdviceSamples.WithEveryEnumName();
        var advices = Enumerable.Range(0, 400).Select(i => sample with { Notes = [$"note {i}", new string('x', i * 37)] }).ToArray();
        var results = new string[advices.Length];

        Parallel.For(0, advices.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = AdvisorJson.Serialize(advices[i], indented: i % 2 == 0));

        for (var i = 0; i < advices.Length; i++)
        {
            results[i].Should().Be(JsonSerializer.Serialize(advices[i], (i % 2 == 0 ? IndentedContext : SciaticaJsonContext.Default).MassageAdvice));
        }
    }

    private static void AssertAllMatch(IReadOnlyList<(string Name, MassageAdvice Advice)> advices)
    {
        var mismatches = new List<string>();

        // Two rounds, each writing every advice through three entry points compactly: the compact writer keeps a string's, a plan's or a
        // rule set's JSON the third time it writes it, and copies it from then on, so the second round writes kept bytes.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, advice) in advices)
            {
                foreach (var indented in new[] { false, true })
                {
                    var expected = JsonSerializer.SerializeToUtf8Bytes(advice, (indented ? IndentedContext : SciaticaJsonContext.Default).MassageAdvice);
                    var written = Written(new JsonWriterOptions { Indented = indented }, w => AdviceJsonWriter.Write(w, advice), out _);
                    var serialized = Encoding.UTF8.GetBytes(AdvisorJson.Serialize(advice, indented));
                    var intoWriter = Written(new JsonWriterOptions { Indented = indented }, w => AdvisorJson.Serialize(w, advice), out _);
                    var buffer = new ArrayBufferWriter<byte>();
                    if (!indented)
                    {
                        AdvisorJson.Serialize(buffer, advice);
                    }

                    if (!written.AsSpan().SequenceEqual(expected) || !serialized.AsSpan().SequenceEqual(expected) || !intoWriter.AsSpan().SequenceEqual(expected)
                        || (!indented && !buffer.WrittenSpan.SequenceEqual(expected)))
                    {
                        mismatches.Add($"{name} (indented: {indented}, round {round}):\n  serializer: {Encoding.UTF8.GetString(expected)}\n  writer:     {Encoding.UTF8.GetString(written)}\n  AdvisorJson: {Encoding.UTF8.GetString(serialized)}\n  into a writer: {Encoding.UTF8.GetString(intoWriter)}\n  into a buffer: {Encoding.UTF8.GetString(buffer.WrittenSpan)}");
                    }
                }
            }
        }

        mismatches.Should().BeEmpty();
    }

    private static byte[] Written(JsonWriterOptions options, Action<Utf8JsonWriter> write, out int pending)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, options);
        write(writer);
        pending = writer.BytesPending;
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static MassageAdvice Empty() => new()
    {
        Status = AdviceStatus.Referral,
        Styles = [],
        Contraindications = [],
        Adjuncts = [],
        Plan = null,
        Referral = null,
        Notes = [],
        Trace = [],
        RuleSet = new RuleSetInfo { Name = "", Version = "", Sha256 = "" },
    };

    private static MassageAdvice EmptyInside(MassageAdvice sample) => sample with
    {
        Styles = [.. sample.Styles.Select(s => s with { FocusAreas = [], RuleIds = [], Rationale = "" })],
        Contraindications = [.. sample.Contraindications.Select(c => c with { RuleIds = [], Reason = "" })],
        Adjuncts = [.. sample.Adjuncts.Select(a => a with { RuleIds = [] })],
        Plan = sample.Plan! with { Phases = [] },
        Referral = sample.Referral! with { Reasons = [], RuleIds = [] },
    };

    private static MassageAdvice NullItems(MassageAdvice sample) => sample with
    {
        Styles = [null!, .. sample.Styles],
        Contraindications = [null!],
        Adjuncts = [null!],
        Plan = sample.Plan! with { Phases = [null!] },
        Referral = sample.Referral! with { Reasons = [null!], RuleIds = ["r", null!] },
        Notes = [null!, "after"],
        Trace = [null!],
    };

    private static MassageAdvice Awkward(MassageAdvice sample, RuleSetInfo ruleSet) => sample with
    {
        Styles = [.. sample.Styles.Select(s => s with { Rationale = AwkwardText, RuleIds = [AwkwardText, "é"] })],
        Contraindications = [.. sample.Contraindications.Select(c => c with { Reason = AwkwardText, RuleIds = ["<r>"] })],
        Adjuncts = [.. sample.Adjuncts.Select(a => a with { Reason = AwkwardText, RuleIds = ["\u2028"] })],
        Plan = sample.Plan! with { Phases = [.. sample.Plan!.Phases.Select(p => p with { Goal = AwkwardText })] },
        Referral = sample.Referral! with { Reasons = [AwkwardText], RuleIds = ["\"q\""] },
        Notes = [AwkwardText, "naïve", "<script>", "\u2028"],
        Trace = [new TraceEntry(AwkwardText, AwkwardText)],
        RuleSet = ruleSet with
        {
            Name = AwkwardText,
            Version = "1.0 \u00e9",
            Sha256 = "<sha>",
            Layers = [ruleSet with { Name = AwkwardText, Layers = null }],
        },
    };

    private static MassageAdvice Numbers(MassageAdvice sample)
    {
        var style = sample.Styles[0];
        double[] scores = [0, -0.0, 0.1 + 0.2, 1.0 / 3, -7.25, 1e-7, 123456789.125, 1e21, 1e300, double.Epsilon, double.MaxValue, double.MinValue, 42];
        int[] ranks = [int.MinValue, -1, 0, 1, 9, 10, 99, int.MaxValue];
        return sample with
        {
            Styles = [.. scores.Select((score, i) => style with { Score = score, Rank = ranks[i % ranks.Length] })],
            Plan = sample.Plan! with
            {
                Phases =
                [
                    new PhasePlan { Phase = PlanPhase.Intensive, MinSessions = int.MinValue, MaxSessions = int.MaxValue, PeriodWeeks = 0, MinWeeks = -1, MaxWeeks = null, Goal = "g" },
                    new PhasePlan { Phase = PlanPhase.Corrective, MinSessions = 0, MaxSessions = 0, PeriodWeeks = 0, MinWeeks = null, MaxWeeks = int.MaxValue, Goal = "g" },
                ],
            },
        };
    }

    private static Dictionary<string, MassageAdvice> Invalid()
    {
        var sample = AdviceSamples.WithEveryEnumName();
        return new Dictionary<string, MassageAdvice>
        {
            ["NaN score"] = sample with { Styles = [sample.Styles[0] with { Score = double.NaN }] },
            ["infinite score"] = sample with { Styles = [sample.Styles[0] with { Score = double.PositiveInfinity }] },
            ["undefined status"] = sample with { Status = (AdviceStatus)99 },
            ["undefined focus area"] = sample with { Styles = [sample.Styles[0] with { FocusAreas = [(FocusArea)(-1)] }] },
            ["null rule set"] = sample with { RuleSet = null! },
            ["null rationale"] = sample with { Styles = [sample.Styles[0] with { Rationale = null! }] },
            ["null trace name"] = sample with { Trace = [new TraceEntry("r", null!)] },
            ["null layer sha"] = sample with { RuleSet = sample.RuleSet with { Layers = [sample.RuleSet with { Sha256 = null! }] } },
            ["default notes"] = sample with { Notes = default },
            ["default focus areas"] = sample with { Styles = [sample.Styles[0] with { FocusAreas = default }] },
            ["default layers"] = sample with { RuleSet = sample.RuleSet with { Layers = default(ImmutableArray<RuleSetInfo>) } },
        };
    }
}
