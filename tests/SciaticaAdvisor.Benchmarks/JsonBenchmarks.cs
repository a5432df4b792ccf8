using System.Buffers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>
/// The JSON work around one advice: read and validate a profile, write an advice. Writing compares the
/// source-generated serializer (the baseline) with the hand-written AdviceJsonWriter, to a string and
/// to a reused UTF-8 buffer.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class JsonBenchmarks
{
    private byte[][] _profiles = [];
    private Advice.MassageAdvice[] _advice = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private Utf8JsonWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        _profiles = [.. Profiles.Mix.Select(p => Encoding.UTF8.GetBytes(AdvisorJson.Serialize(p)))];
        _advice = [.. Profiles.Mix.Select(advisor.Advise)];
        _writer = new Utf8JsonWriter(_buffer);
        foreach (var advice in _advice)
        {
            if (AdvisorJson.Serialize(advice) != JsonSerializer.Serialize(advice, SciaticaJsonContext.Default.MassageAdvice))
            {
                throw new InvalidOperationException("AdviceJsonWriter and the serializer disagree.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();

    [Benchmark(OperationsPerInvoke = 4)]
    [BenchmarkCategory("read")]
    public SymptomProfile? ReadAndValidate()
    {
        SymptomProfile? last = null;
        foreach (var json in _profiles)
        {
            last = ProfileReader.TryRead(json).Profile;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 4, Baseline = true)]
    [BenchmarkCategory("string")]
    public int SerializeWithSerializer()
    {
        var length = 0;
        foreach (var advice in _advice)
        {
            length += JsonSerializer.Serialize(advice, SciaticaJsonContext.Default.MassageAdvice).Length;
        }

        return length;
    }

    /// <summary>What callers get: AdvisorJson, now on the hand-written writer.</summary>
    [Benchmark(OperationsPerInvoke = 4)]
    [BenchmarkCategory("string")]
    public int Serialize()
    {
        var length = 0;
        foreach (var advice in _advice)
        {
            length += AdvisorJson.Serialize(advice).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = 4, Baseline = true)]
    [BenchmarkCategory("utf8")]
    public int Utf8WithSerializer()
    {
        var length = 0;
        foreach (var advice in _advice)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset();
            JsonSerializer.Serialize(_writer, advice, SciaticaJsonContext.Default.MassageAdvice);
            length += _buffer.WrittenCount;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = 4)]
    [BenchmarkCategory("utf8")]
    public int Utf8WithAdviceJsonWriter()
    {
        var length = 0;
        foreach (var advice in _advice)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset();
            AdviceJsonWriter.Write(_writer, advice);
            _writer.Flush();
            length += _buffer.WrittenCount;
        }

        return length;
    }
}
