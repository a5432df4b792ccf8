using System.Text;
using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>The JSON work around one advice: read and validate a profile, write an advice.</summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private byte[][] _profiles = [];
    private Advice.MassageAdvice[] _advice = [];

    [GlobalSetup]
    public void Setup()
    {
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        _profiles = [.. Profiles.Mix.Select(p => Encoding.UTF8.GetBytes(AdvisorJson.Serialize(p)))];
        _advice = [.. Profiles.Mix.Select(advisor.Advise)];
    }

    [Benchmark(OperationsPerInvoke = 4)]
    public SymptomProfile? ReadAndValidate()
    {
        SymptomProfile? last = null;
        foreach (var json in _profiles)
        {
            last = ProfileReader.TryRead(json).Profile;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 4)]
    public int Serialize()
    {
        var length = 0;
        foreach (var advice in _advice)
        {
            length += AdvisorJson.Serialize(advice).Length;
        }

        return length;
    }
}
