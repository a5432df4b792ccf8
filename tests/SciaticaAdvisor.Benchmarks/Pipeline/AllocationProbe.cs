using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using NRules;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Rules.Language;
using SymptomProfile = SciaticaAdvisor.Profiles.SymptomProfile;

namespace SciaticaAdvisor.Benchmarks.Pipeline;

/// <summary>
/// Where an uncached advice's allocations go: the exact bytes of each stage of the chunk path (the
/// profile's fact, the sheets, the session, insert, fire, assembly, the invariant check), and the
/// runtime's sampled allocation ticks by type over rounds of uncached <c>AdviseMany</c>.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- engine-alloc [count] [chunk] [rounds]</c>.
/// The stages are measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/> on this thread, so
/// they are exact; the types come from the runtime's allocation ticks (one about every 100 KB, naming
/// the type of the object that crossed the mark), so their shares are estimates that converge with
/// the rounds. No profile's values are printed.
/// </remarks>
internal static class AllocationProbe
{
    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1024;
        var chunk = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : Advisor.DefaultChunkSize;
        var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var advisor = new AdvisorBuilder().UseAdviceCache(0).Build();
        if (Environment.GetEnvironmentVariable("PROBE_DISTINCT") == "1")
        {
            return Distinct(advisor, count);
        }

        var factory = new RuleCompiler().Compile(RuleModelBuilder.BuildAll(advisor.Definitions, joinOnProfile: true, out var plan, out var unconditional));
        var profiles = Benchmarks.SampledProfiles.Draw(count, seed: 1);

        // Warm-up, then the stages of one pass, exact.
        var stages = new long[Stages.Length];
        for (var pass = 0; pass < 3; pass++)
        {
            Array.Clear(stages);
            Pass(profiles, chunk, advisor, factory, plan, unconditional, stages);
        }

        Console.WriteLine($"sampled, {count} profiles, chunk {chunk}: bytes allocated per advice by stage");
        for (var s = 0; s < Stages.Length; s++)
        {
            Console.WriteLine($"  {Stages[s],-28} {stages[s] / (double)count,9:F0} B");
        }

        Console.WriteLine($"  {"total",-28} {stages.Sum() / (double)count,9:F0} B");

        // The whole public path, exact, then by type from the allocation ticks.
        var advices = new MassageAdvice[profiles.Length];
        advisor.AdviseMany(profiles, advices, chunk);
        var before = GC.GetAllocatedBytesForCurrentThread();
        advisor.AdviseMany(profiles, advices, chunk);
        Console.WriteLine($"AdviseMany (uncached, checked): {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)count:F0} B per advice");

        using var ticks = new AllocationTicks();
        for (var round = 0; round < rounds; round++)
        {
            advisor.AdviseMany(profiles, advices, chunk);
        }

        var byType = ticks.Stop();
        var total = byType.Values.Sum();
        Console.WriteLine($"allocation ticks by type over {rounds} rounds ({total} ticks; share of the bytes):");
        foreach (var (type, n) in byType.OrderByDescending(kv => kv.Value).Take(40))
        {
            Console.WriteLine($"  {n / (double)total,6:P1}  {type}");
        }

        return 0;
    }

    /// <summary>
    /// How often the assembler makes each kind of value per advice, and how many distinct ones a
    /// population holds: what interning per combination of parts would keep. Counts only; no value is printed.
    /// </summary>
    private static int Distinct(Advisor advisor, int count)
    {
        var profiles = Benchmarks.SampledProfiles.Draw(count, seed: 1);
        var advices = advisor.AdviseMany(profiles);
        var kinds = new Dictionary<string, (long Made, HashSet<string> Distinct)>();
        void Count(string kind, IEnumerable<string> parts)
        {
            if (!kinds.TryGetValue(kind, out var k))
            {
                kinds[kind] = k = (0, []);
            }

            k.Distinct.Add(string.Join("\u0001", parts));
            kinds[kind] = (k.Made + 1, k.Distinct);
        }

        foreach (var a in advices)
        {
            foreach (var s in a.Styles)
            {
                Count(s.Rationale.Contains(". ", StringComparison.Ordinal) ? "rationale (several parts, joined)" : "rationale (one part)", [s.Rationale]);
                Count("style rule ids", s.RuleIds);
            }

            foreach (var c in a.Contraindications)
            {
                Count(c.Reason.Contains("; ", StringComparison.Ordinal) ? "contraindication reason (joined)" : "contraindication reason (one part)", [c.Reason]);
                Count("contraindication rule ids", c.RuleIds);
            }

            foreach (var j in a.Adjuncts)
            {
                Count("adjunct rule ids", j.RuleIds);
            }

            if (a.Referral is { } r)
            {
                Count("referral reasons", r.Reasons);
                Count("referral rule ids", r.RuleIds);
            }

            Count("notes", a.Notes);
            Count("trace", a.Trace.Select(t => t.RuleId));
        }

        Console.WriteLine($"{count} sampled profiles: per advice made, distinct in the population");
        foreach (var (kind, (made, distinct)) in kinds.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind,-40} {made / (double)count,6:F2} per advice, {distinct.Count,7} distinct");
        }

        return 0;
    }

    private static readonly string[] Stages = ["profile facts", "sheets", "session created", "insert", "fire and deferred", "assemble", "invariant check"];

    private static void Pass(SymptomProfile[] profiles, int size, Advisor advisor, ISessionFactory factory, FactFlushPlan plan, DeferredRun[] unconditional, long[] stages)
    {
        var inSession = new SessionProfile[size];
        var facts = new ProfileFact[size];
        var assembled = new MassageAdvice[size];
        for (var start = 0; start < profiles.Length; start += size)
        {
            var n = Math.Min(size, profiles.Length - start);
            var b0 = GC.GetAllocatedBytesForCurrentThread();
            for (var k = 0; k < n; k++)
            {
                facts[k] = new ProfileFact(profiles[start + k]);
            }

            var b1 = GC.GetAllocatedBytesForCurrentThread();
            // As CompiledRuleSet runs a chunk: one batch, a sheet each with the unconditional rules deferred.
            var batch = plan.Levels.Count > 0 && n > 1 ? new FactBatch(plan) : null;
            for (var k = 0; k < n; k++)
            {
                var sheet = new AdviceSheet(advisor.Settings) { Batch = batch };
                sheet.Defer(unconditional);
                inSession[k] = new SessionProfile(facts[k], sheet);
            }

            var b2 = GC.GetAllocatedBytesForCurrentThread();
            var session = factory.CreateSession();
            var b3 = GC.GetAllocatedBytesForCurrentThread();
            session.InsertAll(new ArraySegment<SessionProfile>(inSession, 0, n));
            if (batch is not null)
            {
                session.Insert(batch);
            }

            var b4 = GC.GetAllocatedBytesForCurrentThread();
            session.Fire();
            for (var k = 0; k < n; k++)
            {
                RuleFiring.FireDeferred(inSession[k].Sheet, int.MinValue);
            }

            var b5 = GC.GetAllocatedBytesForCurrentThread();
            for (var k = 0; k < n; k++)
            {
                assembled[k] = AdviceAssembler.Assemble(profiles[start + k], inSession[k].Sheet, advisor.RuleSet, advisor.Parts);
            }

            var b6 = GC.GetAllocatedBytesForCurrentThread();
            for (var k = 0; k < n; k++)
            {
                _ = AdviceInvariants.Check(profiles[start + k], assembled[k]);
            }

            var b7 = GC.GetAllocatedBytesForCurrentThread();
            long[] at = [b0, b1, b2, b3, b4, b5, b6, b7];
            for (var s = 0; s < Stages.Length; s++)
            {
                stages[s] += at[s + 1] - at[s];
            }
        }
    }

    /// <summary>The runtime's GCAllocationTick events by type name, counted while it listens.</summary>
    private sealed class AllocationTicks : EventListener
    {
        private readonly ConcurrentDictionary<string, long> _byType = new();
        private volatile bool _listening = true;

        public Dictionary<string, long> Stop()
        {
            _listening = false;
            return new Dictionary<string, long>(_byType);
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                // The GC keyword at verbose level carries GCAllocationTick.
                EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (!_listening || eventData.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.PayloadNames is null)
            {
                return;
            }

            var at = eventData.PayloadNames.IndexOf("TypeName");
            var type = at >= 0 ? eventData.Payload?[at] as string ?? "?" : "?";
            _byType.AddOrUpdate(type, 1, (_, n) => n + 1);
        }
    }
}
