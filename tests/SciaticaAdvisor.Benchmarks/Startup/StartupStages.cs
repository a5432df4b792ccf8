using System.Diagnostics;
using System.Linq.Expressions;
using System.Runtime;
using NRules;
using NRules.Extensibility;
using SciaticaAdvisor.Engine;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Loading;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Benchmarks.Startup;

/// <summary>
/// The library's part of a cold <c>advise</c>, stage by stage, each done for the first time in a new
/// process: <c>dotnet run -c Release --project tests/SciaticaAdvisor.Benchmarks -- startup PROFILE.json [interpret]</c>.
/// </summary>
/// <remarks>
/// Prints each stage's thread CPU time, wall time and the methods the JIT compiled in it. Run it
/// several times and compare medians; under load only the CPU times and counts mean anything.
/// "interpret" hands NRules an expression compiler that interprets the rules' lambdas instead of
/// compiling them, which the CLI's one-profile advise uses.
/// </remarks>
internal static class StartupStages
{
    public static int Run(string[] args)
    {
        var profilePath = args.Length > 0 ? args[0] : "samples/profiles/piriformis.json";
        var interpret = args.Contains("interpret");
        var stages = new List<(string Name, double CpuMs, double WallMs, long Jitted)>();
        // With DOTNET_JitDisasmSummary=1 (the JIT's list of what it compiles, on standard output), "echo" names each stage in that list.
        var echo = args.Contains("echo");
        void Stage(string name, Action action)
        {
            if (echo)
            {
                Console.WriteLine($"== {name}");
            }

            var jit = JitInfo.GetCompiledMethodCount(currentThread: true);
            var cpu = ThreadCpuMs();
            var wall = Stopwatch.GetTimestamp();
            action();
            stages.Add((name, ThreadCpuMs() - cpu, Stopwatch.GetElapsedTime(wall).TotalMilliseconds, JitInfo.GetCompiledMethodCount(currentThread: true) - jit));
        }

        string text = "";
        List<Rules.Language.RuleSetDocument> layers = [];
        List<Rules.Language.RuleDefinition> rules = [];
        List<NRules.RuleModel.IRuleDefinition> definitions = [];
        ISessionFactory? factory = null;
        Advisor? advisor = null;
        SymptomProfile? profile = null;
        Advice.MassageAdvice? advice = null;
        var json = File.ReadAllText(profilePath);

        // "split" first touches, on their own, the tables the loader and the reader build on first use, so their cost shows apart.
        if (args.Contains("split"))
        {
            Stage("profile field table", () => _ = ProfileFields.All);
            Stage("enum name tables", () => _ = (Contract.EnumNames<Symptom>.Expected, Contract.EnumNames<RedFlag>.Expected, Contract.EnumNames<HealthCondition>.Expected,
                Contract.EnumNames<Advice.MassageStyle>.Expected, Contract.EnumNames<Advice.FocusArea>.Expected, Contract.EnumNames<SciaticaCause>.Expected));
            Stage("enum set tables", () => _ = (EnumSet.Of<Symptom>(0), EnumSet.Of<RedFlag>(0), EnumSet.Of<HealthCondition>(0), EnumSet.Of<Advice.MassageStyle>(0), EnumSet.ListOf<Advice.FocusArea>(0)));
            Stage("rule fact fields", () => _ = Rules.Language.FactField.All);
            Stage("SHA-256 of a text", () => RuleSetHash.Of("name: x"));
        }

        Stage("read the built-in rule text", () => text = RuleSource.Default.ReadText());
        // Authoring compiles its own copy of the shared YAML reader: the core's is the one advise uses.
        var readTree = typeof(RuleSetLoader).Assembly.GetType("SciaticaAdvisor.Rules.Loading.YamlTreeReader")!.GetMethod("Read")!;
        Stage("YAML to a tree (YamlDotNet)", () => readTree.Invoke(null, [text, "default", new List<RuleSetError>(), "a rule file"]));
        Stage("rule file checked (tree read again)", () => layers = [RuleSetLoader.Load(text, "default")]);
        Stage("layers combined", () => rules = RuleLayering.Combine(layers));
        Stage("NRules rule models built", () => definitions = RuleModelBuilder.BuildAll(rules, joinOnProfile: true));
        Stage("NRules compile", () =>
        {
            var compiler = new RuleCompiler();
            if (interpret)
            {
                compiler.ExpressionCompiler = new Interpreting();
            }

            factory = compiler.Compile(definitions);
        });
        Stage("NRules session created", () => factory!.CreateSession());
        Stage("advisor built (everything again, warm)", () => advisor = new AdvisorBuilder().UseAdviceCache(0).Build());
        Stage("profile read and validated", () => profile = ProfileReader.TryRead(json).Profile);
        Stage("first advise", () => advice = advisor!.Advise(profile!));
        Stage("advice serialized", () => AdvisorJson.Serialize(advice!, false));
        Stage("second advise", () => advice = advisor!.Advise(profile!));

        Console.WriteLine($"library start-up stages, first in a new process{(interpret ? ", NRules interpreting" : "")} (thread CPU ms, wall ms, methods JIT-compiled on this thread):");
        foreach (var (name, cpuMs, wallMs, jitted) in stages)
        {
            Console.WriteLine($"  {cpuMs,7:F1} {wallMs,7:F1} {jitted,6}  {name}");
        }

        Console.WriteLine($"  {stages.Sum(s => s.CpuMs),7:F1} {stages.Sum(s => s.WallMs),7:F1} {stages.Sum(s => s.Jitted),6}  total");
        return 0;
    }

    private static double ThreadCpuMs() => ThreadCpuTime.Microseconds() / 1000.0;

    private sealed class Interpreting : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate => expression.Compile(preferInterpretation: true);
    }
}
