using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SciaticaAdvisor;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Tests.Reliability.Fuzzing;

// A long fuzz run outside xunit: mutated and random profiles through ProfileReader.TryRead (and
// Advise on the valid ones), mutated rule files through AdvisorBuilder.Build, or a digest of seeded
// advice for the determinism tests. Exit code 0: no promise broken; 1: a crash or another violation;
// 2: a usage error.
var options = Options.Parse(args);
if (options is null)
{
    await Console.Error.WriteLineAsync(Options.Usage);
    return 2;
}

if (options.Case is { } replay)
{
    // Replays one case of a run: writes the input it generated to standard output.
    using var output = Console.OpenStandardOutput();
    if (options.RulesFiles > 0)
    {
        var replayBase = options.RulesFile is null ? null : File.ReadAllText(options.RulesFile);
        output.Write(System.Text.Encoding.UTF8.GetBytes(RuleMutator.Mutated(new Random(RuleMutator.CaseSeed(options.Seed, replay, 17)), replayBase)));
    }
    else
    {
        output.Write(ProfileMutator.Any(new Random(RuleMutator.CaseSeed(options.Seed, replay, 0))));
    }

    return 0;
}

if (options.Digest)
{
    var digestAdvisor = options.RulesFile is null ? FuzzRuleSet.Build() : new AdvisorBuilder().AddRuleFile(options.RulesFile).Build();
    Console.WriteLine(FuzzOracle.Digest(digestAdvisor, options.Seed, options.Count, options.Threads));
    return 0;
}

var violations = 0;
if (options.Profiles > 0)
{
    var (advisor, name) = ChooseAdvisor(options.RulesFile);
    Console.WriteLine($"profile fuzz: {options.Profiles:N0} inputs, seed {options.Seed}, {options.Threads} threads, advisor {name}");
    violations += Run(options.Profiles, options, i =>
        FuzzOracle.CheckProfile(ProfileMutator.Any(new Random(RuleMutator.CaseSeed(options.Seed, i, 0))), advisor), "profiles");
}

if (options.RulesFiles > 0)
{
    // With --rules FILE the mutations start from that file (the default rule set, say) instead of the fuzz rule set.
    var baseText = options.RulesFile is null ? null : File.ReadAllText(options.RulesFile);
    Console.WriteLine($"rule-file fuzz: {options.RulesFiles:N0} files, seed {options.Seed}, {options.Threads} threads, mutating {options.RulesFile ?? "the fuzz rule set"}");
    violations += Run(options.RulesFiles, options, i =>
        FuzzOracle.CheckRules(RuleMutator.Mutated(new Random(RuleMutator.CaseSeed(options.Seed, i, 17)), baseText), FuzzOracle.Probes), "rule files");
}

Console.WriteLine(violations == 0 ? "result: no crash, no broken promise" : $"result: {violations} violations");
return violations == 0 ? 0 : 1;

static int Run(int count, Options options, Func<int, FuzzVerdict> check, string what)
{
    var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
    var statuses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
    var failures = new ConcurrentQueue<string>();
    var clock = Stopwatch.StartNew();
    var done = 0;
    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, i =>
    {
        FuzzVerdict verdict;
        try
        {
            verdict = check(i);
        }
        catch (Exception ex)
        {
            verdict = new("crash", $"the fuzzer itself threw {ex.GetType().Name}: {ex.Message}");
        }

        outcomes.AddOrUpdate(verdict.Outcome, 1, (_, n) => n + 1);
        if (verdict.Advice is { } advice)
        {
            statuses.AddOrUpdate(advice.Status, 1, (_, n) => n + 1);
        }

        if (!verdict.Ok)
        {
            failures.Enqueue($"  case {i}: {verdict.Outcome}: {verdict.Violation}");
        }

        var finished = Interlocked.Increment(ref done);
        if (finished % Math.Max(1, count / 10) == 0)
        {
            Console.Error.WriteLine($"  {finished:N0}/{count:N0} {what} in {clock.Elapsed.TotalSeconds:F0} s");
        }
    });

    Console.WriteLine($"{what}: {count:N0} in {clock.Elapsed.TotalSeconds:F1} s ({count / clock.Elapsed.TotalSeconds:N0}/s)");
    foreach (var (outcome, n) in outcomes.OrderBy(p => p.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"  {outcome,-16} {n,10:N0}");
    }

    foreach (var (status, n) in statuses.OrderBy(p => p.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"    status {status,-16} {n,10:N0}");
    }

    Console.WriteLine($"  violations       {failures.Count,10:N0}");
    foreach (var failure in failures.Take(20))
    {
        Console.WriteLine(failure.Length > 400 ? failure[..400] + "…" : failure);
    }

    return failures.Count;
}

static (Advisor Advisor, string Name) ChooseAdvisor(string? rulesFile)
{
    if (rulesFile is not null)
    {
        var fromFile = new AdvisorBuilder().AddRuleFile(rulesFile).Build();
        return (fromFile, $"{fromFile.RuleSet.Name} {fromFile.RuleSet.Version} ({rulesFile})");
    }

    try
    {
        var builtIn = Advisor.CreateDefault();
        return (builtIn, $"{builtIn.RuleSet.Name} {builtIn.RuleSet.Version} (built-in default)");
    }
    catch (RuleSetException)
    {
        var fuzz = FuzzRuleSet.Build();
        return (fuzz, $"{fuzz.RuleSet.Name} {fuzz.RuleSet.Version} (the built-in default does not load here; the fuzz rule set stands in)");
    }
}

internal sealed record Options(int Profiles, int RulesFiles, int Seed, int Threads, string? RulesFile, bool Digest, int Count, int? Case = null)
{
    public const string Usage = """
        usage: SciaticaAdvisor.Fuzz [--profiles N] [--rules-files N] [--seed S] [--threads T] [--rules FILE]
               SciaticaAdvisor.Fuzz --digest [--count N] [--seed S] [--threads T]
          --profiles N     mutated and random profiles to read (and advise on when valid); default 1000000
          --rules-files N  mutated rule files to build; default 0
          --rules FILE     advise with FILE's rules (default: the built-in rule set, else the fuzz rule set), and mutate FILE for --rules-files
          --case I         write the input of case I (of --seed S; a rule file with --rules-files 1) and exit
          --digest         print the SHA-256 over the JSON of N seeded advices (default 20000) from the fuzz rule set (or --rules FILE)
        """;

    public static Options? Parse(string[] args)
    {
        var options = new Options(1_000_000, 0, 1, Environment.ProcessorCount, null, false, 20_000);
        var profilesGiven = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new FormatException();
            int Number() => int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
            try
            {
                switch (args[i])
                {
                    case "--profiles": options = options with { Profiles = Number() }; profilesGiven = true; break;
                    case "--rules-files": options = options with { RulesFiles = Number() }; break;
                    case "--seed": options = options with { Seed = Number() }; break;
                    case "--threads": options = options with { Threads = Math.Max(1, Number()) }; break;
                    case "--count": options = options with { Count = Number() }; break;
                    case "--rules": options = options with { RulesFile = Next() }; break;
                    case "--digest": options = options with { Digest = true }; break;
                    case "--case": options = options with { Case = Number() }; break;
                    default: return null;
                }
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                return null;
            }
        }

        // --rules-files alone fuzzes only rule files.
        return options.RulesFiles > 0 && !profilesGiven ? options with { Profiles = 0 } : options;
    }
}
