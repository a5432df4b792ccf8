using System.Diagnostics;
using NRules;
using NRules.Diagnostics;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Reference;
using SciaticaAdvisor.Rules.Language;
using SymptomProfile = SciaticaAdvisor.Profiles.SymptomProfile;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>
/// Counts and thread CPU time of the uncached chunked engine path on two populations: sampled
/// profiles and an even stride through the exhaustive input classes. Per chunk: facts inserted,
/// rules fired, per Rete node type the elements in and out and the node's own time, and the CPU
/// time of session creation, insert, fire and assembly.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- engine-probe [count] [chunk]</c></remarks>
internal static class EngineProbe
{
    private static Advisor? _abAdvisor;
    private static SymptomProfile[] _abProfiles = [];
    private static Advice.MassageAdvice[] _abAdvices = [];
    private static int _abChunk;
    private static double _abBytes;

    private static Comparison.RulesEngineAdvisor? _abRulesEngine;

    /// <summary>For an A/B harness that loads two builds side by side: the population and chunk size of <see cref="AbRound"/>.</summary>
    /// <param name="population"><c>sampled</c> or <c>classes</c>.</param>
    /// <param name="count">How many profiles a round advises.</param>
    /// <param name="chunk">AdviseMany's chunk size; 0 for the RulesEngine advisor, one advice at a time (RulesEngineBenchmarks' baseline).</param>
    public static void AbSetup(string population, int count, int chunk)
    {
        _abAdvisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        _abRulesEngine = chunk == 0 ? new Comparison.RulesEngineAdvisor(_abAdvisor) : null;
        _abProfiles = population == "classes"
            ? [.. InputClasses.All().Where((_, i) => i % (int)(InputClasses.Count / count) == 0).Take(count)]
            : Benchmarks.SampledProfiles.Draw(count, seed: 1);
        _abAdvices = new Advice.MassageAdvice[_abProfiles.Length];
        _abChunk = chunk;
    }

    /// <summary>One uncached AdviseMany of the population (or the RulesEngine advisor's advice of each): thread CPU µs per advice.</summary>
    public static double AbRound()
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuUs();
        if (_abRulesEngine is { } rulesEngine)
        {
            for (var i = 0; i < _abProfiles.Length; i++)
            {
                _abAdvices[i] = rulesEngine.Advise(_abProfiles[i]);
            }
        }
        else
        {
            _abAdvisor!.AdviseMany(_abProfiles, _abAdvices, _abChunk);
        }

        var result = (ThreadCpuUs() - cpu) / _abProfiles.Length;
        _abBytes = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)_abProfiles.Length;
        return result;
    }

    /// <summary>Bytes allocated per advice in the last <see cref="AbRound"/>.</summary>
    public static double AbBytes() => _abBytes;

    /// <summary>The JSON of every advice of the last round, joined: two builds must give the same.</summary>
    public static string AbOutput() => string.Join("\n", _abAdvices.Select(a => Serialization.AdvisorJson.Serialize(a)));

    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 4096;
        var chunks = args.Length > 1 ? args[1].Split(',').Select(int.Parse).ToArray() : [32];
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        var factory = new RuleCompiler().Compile(RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out var plan, out var unconditional));
        var sampled = Benchmarks.SampledProfiles.Draw(count, seed: 1);
        var stride = (int)(InputClasses.Count / count);
        var random = new Random(7);
        var classes = InputClasses.All().Where(_ => random.NextDouble() < count / (double)InputClasses.Count).ToArray();
        var firstClasses = InputClasses.All().Take(count).ToArray();
        if (Environment.GetEnvironmentVariable("PROBE_LOOP") is { } loop)
        {
            // One figure per process: the median thread CPU time per advice over rounds of AdviseMany
            // (uncached) of the population, after warm-up rounds; and the bytes allocated per advice.
            var population = (loop == "classes" ? classes : sampled)[..Math.Min(count, 1024)];
            var advices = new Advice.MassageAdvice[population.Length];
            var seconds = double.Parse(args.Length > 2 ? args[2] : "10", System.Globalization.CultureInfo.InvariantCulture);
            var until = Stopwatch.StartNew();
            while (until.Elapsed.TotalSeconds < 2)
            {
                advisor.AdviseMany(population, advices, chunks[0]);
            }

            var perRound = new List<double>();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            until.Restart();
            while (until.Elapsed.TotalSeconds < seconds)
            {
                var cpu = ThreadCpuUs();
                advisor.AdviseMany(population, advices, chunks[0]);
                perRound.Add((ThreadCpuUs() - cpu) / population.Length);
            }

            var allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / (double)perRound.Count / population.Length;
            perRound.Sort();
            Console.WriteLine($"{loop} chunk {chunks[0]}: median {perRound[perRound.Count / 2]:F2} µs, q1 {perRound[perRound.Count / 4]:F2}, q3 {perRound[perRound.Count * 3 / 4]:F2}, rounds {perRound.Count}, {allocated / 1024:F2} KB per advice");
            return 0;
        }

        if (Environment.GetEnvironmentVariable("PROBE_FULL") == "1")
        {
            var seen = 0L;
            var bucket = ThreadCpuUs();
            var start = bucket;
            var gc = GC.CollectionCount(2);
            foreach (var c in InputClasses.All().Chunk(512))
            {
                _ = advisor.AdviseMany(c);
                seen += c.Length;
                if (seen % 51_200 == 0)
                {
                    var now = ThreadCpuUs();
                    Console.WriteLine($"{seen}: {(now - bucket) / 51_200:F1} µs per class, gen2 {GC.CollectionCount(2) - gc}, heap {GC.GetTotalMemory(false) >> 20} MB");
                    bucket = now;
                }
            }

            Console.WriteLine($"all {seen}: {(ThreadCpuUs() - start) / seen:F1} µs per class");
            return 0;
        }

        if (Environment.GetEnvironmentVariable("PROBE_PUBLIC") == "1")
        {
            var t0 = ThreadCpuUs();
            var enumerated = InputClasses.All().Take(200_000).Count();
            Console.WriteLine($"enumerate InputClasses: {(ThreadCpuUs() - t0) / enumerated:F2} µs per class");
            for (var round = 0; round < 3; round++)
            {
                foreach (var (name, population) in new[] { ("sampled", sampled), ("classes-random", classes), ("classes-first", firstClasses) })
                {
                    var v0 = ThreadCpuUs();
                    foreach (var p in population)
                    {
                        _ = SciaticaAdvisor.Profiles.ProfileReader.Validate(p);
                    }

                    var v1 = ThreadCpuUs();
                    var all = new List<Advice.MassageAdvice>();
                    foreach (var c in population.Chunk(512))
                    {
                        all.AddRange(advisor.AdviseMany(c));
                    }

                    var v2 = ThreadCpuUs();
                    for (var i = 0; i < population.Length; i++)
                    {
                        _ = Advice.AdviceInvariants.Check(population[i], all[i]);
                    }

                    var v3 = ThreadCpuUs();
                    Console.WriteLine($"{name}: validate {(v1 - v0) / population.Length:F2} µs, public AdviseMany {(v2 - v1) / population.Length:F2} µs, invariants {(v3 - v2) / population.Length:F2} µs per profile");
                }
            }

            return 0;
        }

        foreach (var chunk in chunks)
        {
            foreach (var (name, population) in new[] { ("sampled", sampled), ("classes-random", classes), ("classes-first", firstClasses) })
            {
                Probe(name, population, chunk, advisor, factory, plan, unconditional);
            }
        }

        return 0;
    }

    private static void Probe(string name, SymptomProfile[] profiles, int size, Advisor advisor, ISessionFactory factory, FactFlushPlan plan, DeferredRun[] unconditional)
    {
        // Warm up JIT.
        Once(profiles[..Math.Min(256, profiles.Length)], size, advisor, factory, plan, unconditional, metrics: false);
        var t = Once(profiles, size, advisor, factory, plan, unconditional, metrics: false);
        var m = Once(profiles, size, advisor, factory, plan, unconditional, metrics: true);
        var n = profiles.Length;
        Console.WriteLine($"== {name}, {n} profiles, chunk {size}");
        Console.WriteLine($"  per profile: fired {m.Fired / (double)n:F1}, asserted facts {m.Asserted / (double)n:F2}, activations {m.Activations / (double)n:F1}");
        Console.WriteLine($"  cpu µs per profile: create {t.Create / n:F2}, insert {t.Insert / n:F2}, fire {t.Fire / n:F2}, assemble {t.Assemble / n:F2}, total {(t.Create + t.Insert + t.Fire + t.Assemble) / n:F2}");
        Console.WriteLine($"  allocated per profile {t.Bytes / n / 1024.0:F1} KB");
        foreach (var (type, v) in m.ByType.OrderByDescending(kv => kv.Value.Ms))
        {
            Console.WriteLine($"  {type,-16} nodes {v.Nodes,4} in/profile {v.In / (double)n,8:F1} out/profile {v.Out / (double)n,8:F1} own ms {v.Ms,8:F1}");
        }

        foreach (var (node, v) in m.TopJoins.OrderByDescending(kv => kv.Value.In).Take(8))
        {
            Console.WriteLine($"    {node}: in/profile {v.In / (double)n:F1} out/profile {v.Out / (double)n:F1}");
        }
    }

    private sealed class Totals
    {
        public double Create;
        public double Insert;
        public double Fire;
        public double Assemble;
        public long Bytes;
        public long Fired;
        public long Asserted;
        public long Activations;
        public Dictionary<string, (int Nodes, long In, long Out, double Ms)> ByType = [];
        public Dictionary<string, (long In, long Out)> TopJoins = [];
    }

    private static Totals Once(SymptomProfile[] profiles, int size, Advisor advisor, ISessionFactory factory, FactFlushPlan plan, DeferredRun[] unconditional, bool metrics)
    {
        var totals = new Totals();
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        for (var start = 0; start < profiles.Length; start += size)
        {
            var chunk = profiles.AsSpan(start, Math.Min(size, profiles.Length - start)).ToArray();
            var t0 = ThreadCpuUs();
            var session = factory.CreateSession();
            var activations = 0;
            if (metrics)
            {
                session.Events.ActivationCreatedEvent += (_, _) => activations++;
            }

            // As CompiledRuleSet runs a chunk: the sheets hold the facts their rules insert for the flush rules.
            var batch = plan.Levels.Count > 0 && chunk.Length > 1 ? new FactBatch(plan) : null;
            var facts = chunk.Select(p => new SessionProfile(new ProfileFact(p), new AdviceSheet(advisor.Settings) { Batch = batch })).ToArray();
            foreach (var f in facts)
            {
                // As CompiledRuleSet's sheets: the rules that always fire wait on them, not in the engine.
                f.Sheet.Defer(unconditional);
            }

            var t1 = ThreadCpuUs();
            session.InsertAll(facts);
            if (batch is not null)
            {
                session.Insert(batch);
            }

            var t2 = ThreadCpuUs();
            session.Fire();
            foreach (var f in facts)
            {
                RuleFiring.FireDeferred(f.Sheet, int.MinValue);
            }

            var t3 = ThreadCpuUs();
            for (var k = 0; k < chunk.Length; k++)
            {
                _ = AdviceAssembler.Assemble(chunk[k], facts[k].Sheet, advisor.RuleSet, advisor.Parts);
            }

            var t4 = ThreadCpuUs();
            totals.Create += t1 - t0;
            totals.Insert += t2 - t1;
            totals.Fire += t3 - t2;
            totals.Assemble += t4 - t3;
            foreach (var f in facts)
            {
                totals.Fired += f.Sheet.Trace.Count;
                totals.Asserted += f.Sheet.Asserted.Count;
            }

            totals.Activations += activations;
            if (metrics)
            {
                var schema = session.GetSchema();
                foreach (var node in schema.Nodes)
                {
                    var nm = session.Metrics.FindByNodeId(node.Id);
                    if (nm is null)
                    {
                        continue;
                    }

                    var key = node.NodeType.ToString();
                    totals.ByType.TryGetValue(key, out var v);
                    totals.ByType[key] = (v.Nodes + 1, v.In + nm.InsertInputCount, v.Out + nm.InsertOutputCount, v.Ms + nm.InsertDurationMilliseconds);
                    if (node.NodeType is NodeType.Join or NodeType.Not or NodeType.Exists)
                    {
                        var label = $"{node.NodeType} #{node.Id} [{string.Join(",", node.Rules.Select(r => r.Name))}]";
                        totals.TopJoins.TryGetValue(label, out var j);
                        totals.TopJoins[label] = (j.In + nm.InsertInputCount, j.Out + nm.InsertOutputCount);
                    }
                }
            }
        }

        totals.Bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        return totals;
    }

    public static double ThreadCpuUs() => ThreadCpuTime.Microseconds();
}
