using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>
/// Each stage of <c>batch</c> on its own, per profile, over <see cref="SampledProfiles"/>: read and
/// validate a line, validate a profile, find its input class, run the rules (uncached), assemble the
/// advice, check the invariants, write it as UTF-8 JSON, and put the lines on a file.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- --filter '*PipelineStageBenchmarks*' --job short</c>.
/// The stages' sum is not the pipeline: caches and the second core change the whole, which
/// <c>batch-throughput.sh</c> measures.
/// </remarks>
[MemoryDiagnoser]
public class PipelineStageBenchmarks
{
    private byte[][] _lines = null!;
    private SymptomProfile[] _profiles = null!;
    private MassageAdvice[] _advices = null!;
    private AdviceSheet[] _sheets = null!;
    private Advisor _uncached = null!;
    private ProfileClassifier _classifier = null!;
    private ArrayBufferWriter<byte> _buffer = null!;
    private Utf8JsonWriter _writer = null!;
    private byte[] _chunk = null!;
    private string _file = null!;
    private AdviceBytesMemo _memo = null!;
    private MassageAdvice[] _remembered = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = SampledProfiles.Lines();
        _profiles = SampledProfiles.Profiles;
        _uncached = new AdvisorBuilder().UseAdviceCache(0).Build();
        _advices = [.. _profiles.Select(_uncached.Advise)];
        _classifier = ProfileClassifier.For(_uncached.Definitions.Where(d => d.When is not null).Select(d => d.When!))!;

        // The sheets the engine wrote, rebuilt by replaying each advice's fired rules, so assembly runs alone.
        var byId = _uncached.Definitions.ToDictionary(d => d.Id);
        _sheets = [.. _advices.Select(advice =>
        {
            var sheet = new AdviceSheet(_uncached.Settings);
            foreach (var entry in advice.Trace)
            {
                RuleFiring.Apply(byId[entry.RuleId], sheet, NoFacts.Instance);
            }

            return sheet;
        })];
        _buffer = new ArrayBufferWriter<byte>(1 << 16);
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

        // batch writes a chunk of 64 lines in one call; a chunk of average lines here.
        var one = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(one))
        {
            for (var i = 0; i < 64; i++)
            {
                w.Reset();
                AdvisorJson.Serialize(w, _advices[i]);
                one.Write("\n"u8);
            }
        }

        _chunk = one.WrittenSpan.ToArray();

        // batch's memo of advice JSON, large enough here to keep every advice: each written twice is remembered.
        _memo = new AdviceBytesMemo(1 << 14, 1L << 30, AdviceBytesMemo.MaxEntryBytes);
        foreach (var advice in _advices.Concat(_advices))
        {
            WriteThroughMemo(advice);
        }

        _remembered = [.. _advices.Where(a => _memo.TryCopy(a, new ArrayBufferWriter<byte>())).Take(SampledProfiles.Count / 2)];
        if (_remembered.Length < SampledProfiles.Count / 2)
        {
            throw new InvalidOperationException($"Only {_remembered.Length} advices were remembered.");
        }
        _file = Path.Combine(Path.GetTempPath(), $"stage-write-{Environment.ProcessId}.jsonl");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        File.Delete(_file);
    }

    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public int ReadAndValidateLine()
    {
        var valid = 0;
        foreach (var line in _lines)
        {
            valid += ProfileReader.TryRead(line).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public int Validate()
    {
        var errors = 0;
        foreach (var profile in _profiles)
        {
            errors += ProfileReader.Validate(profile).Length;
        }

        return errors;
    }

    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public long Classify()
    {
        var sum = 0L;
        foreach (var profile in _profiles)
        {
            sum += _classifier.KeyOf(new ProfileFact(profile));
        }

        return sum;
    }

    /// <summary>The rules, assembly and invariant check of a first-seen class: what a cache miss costs.</summary>
    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public MassageAdvice EngineAdvise()
    {
        MassageAdvice last = null!;
        foreach (var profile in _profiles)
        {
            last = _uncached.Advise(profile);
        }

        return last;
    }

    /// <summary>As <see cref="EngineAdvise"/>, with the profiles sharing sessions as <c>batch</c> does.</summary>
    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public MassageAdvice EngineAdviseMany()
    {
        var advices = new MassageAdvice[_profiles.Length];
        _uncached.AdviseMany(_profiles, advices);
        return advices[^1];
    }

    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public MassageAdvice Assemble()
    {
        MassageAdvice last = null!;
        for (var i = 0; i < _sheets.Length; i++)
        {
            last = AdviceAssembler.Assemble(_profiles[i], _sheets[i], _uncached.RuleSet, _uncached.Parts);
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public int CheckInvariants()
    {
        var violations = 0;
        for (var i = 0; i < _advices.Length; i++)
        {
            violations += AdviceInvariants.Check(_profiles[i], _advices[i]).Length;
        }

        return violations;
    }

    /// <summary>What <c>batch</c> does for an advice not in its memo: compact JSON straight into the chunk's buffer, the rule set's strings copied once encoded.</summary>
    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public int Serialize()
    {
        var bytes = 0;
        foreach (var advice in _advices)
        {
            _buffer.ResetWrittenCount();
            AdvisorJson.Serialize(_buffer, advice);
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    /// <summary>The same bytes through a <see cref="Utf8JsonWriter"/> token by token, as <c>batch</c> wrote them before its compact writer (and as an indenting writer still does).</summary>
    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public int SerializeTokenByToken()
    {
        var bytes = 0;
        foreach (var advice in _advices)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            AdviceJsonWriter.Write(_writer, advice);
            _writer.Flush();
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    /// <summary>What <c>batch</c> does for an advice the exact cache handed out before (the same instance): a copy of its remembered JSON.</summary>
    [Benchmark(OperationsPerInvoke = SampledProfiles.Count / 2)]
    public int CopyFromMemo()
    {
        var bytes = 0;
        foreach (var advice in _remembered)
        {
            _buffer.ResetWrittenCount();
            _memo.TryCopy(advice, _buffer);
            bytes += _buffer.WrittenCount;
        }

        return bytes;
    }

    /// <summary>Putting the lines on a file, 64 lines a write as batch does (the file is rewritten each time).</summary>
    [Benchmark(OperationsPerInvoke = SampledProfiles.Count)]
    public long Write()
    {
        using var file = new FileStream(_file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        for (var i = 0; i < SampledProfiles.Count / 64; i++)
        {
            file.Write(_chunk);
        }

        return file.Length;
    }

    private void WriteThroughMemo(MassageAdvice advice)
    {
        _buffer.ResetWrittenCount();
        if (!_memo.TryCopy(advice, _buffer))
        {
            AdvisorJson.Serialize(_buffer, advice);
            _memo.Offer(advice, _buffer.WrittenSpan);
        }
    }

    private sealed class NoFacts : IFactSink
    {
        public static readonly NoFacts Instance = new();

        public void Insert(object fact)
        {
        }
    }
}
