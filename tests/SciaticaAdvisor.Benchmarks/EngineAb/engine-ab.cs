#:property PublishAot=false
// A/B in one process: builds of the benchmarks project (and so of the library) each in its own load
// context, rounds alternated A B then B A so each pair shares the machine's state; thread CPU ratios.
// Checks first that every build gives the same JSON for every profile (EngineProbe.AbOutput).
// Prints per build the median of per-round ratios and, since the sixth round, the ratio of sums over
// blocks of rounds, which charges the garbage collections to the builds that cause them.
// dotnet run engine-ab.cs -- DIR[@CHUNK|@re],DIR[@CHUNK|@re]... sampled|classes COUNT CHUNK SECONDS
// (@re: that build's RulesEngine advisor, one Advise each, as RulesEngineBenchmarks' baseline; a build from 2026-12-02 on.)
// (#:property above: a file-based app defaults to PublishAot, which would interpret NRules' lambdas.)
using System.Reflection;
using System.Runtime.Loader;
var specs = args[0].Split(',');
var dirs = specs.Select(s => s.Split('@')[0]).ToArray();
var chunks = specs.Select(s => !s.Contains('@') ? int.Parse(args[3]) : s.Split('@')[1] == "re" ? 0 : int.Parse(s.Split('@')[1])).ToArray();
var population = args[1];
var count = int.Parse(args[2]);
var seconds = double.Parse(args[4]);
var probes = dirs.Select(d => Load(d)).ToArray();
for (var k = 0; k < probes.Length; k++) probes[k].Setup.Invoke(null, [population, count, chunks[k]]);
var outputs = probes.Select(p => { p.Round.Invoke(null, null); return (string)p.Output.Invoke(null, null)!; }).ToArray();
Console.WriteLine(outputs.All(o => o == outputs[0]) ? "advice identical across builds" : "ADVICE DIFFERS");
var sw = System.Diagnostics.Stopwatch.StartNew();
while (sw.Elapsed.TotalSeconds < 3) foreach (var p in probes) p.Round.Invoke(null, null);
var ratios = new List<double>[probes.Length];
var times = new List<double>[probes.Length];
for (var i = 0; i < probes.Length; i++) { ratios[i] = []; times[i] = []; }
var bytes = new double[probes.Length];
sw.Restart();
var round = 0;
while (sw.Elapsed.TotalSeconds < seconds)
{
    var t = new double[probes.Length];
    var order = round++ % 2 == 0 ? Enumerable.Range(0, probes.Length) : Enumerable.Range(0, probes.Length).Reverse();
    foreach (var i in order) { t[i] = (double)probes[i].Round.Invoke(null, null)!; bytes[i] = (double)probes[i].Bytes.Invoke(null, null)!; }
    for (var i = 0; i < probes.Length; i++) { times[i].Add(t[i]); ratios[i].Add(t[i] / t[0]); }
}
// Ratios of sums over blocks of 50 rounds as well: a gen0 collection is charged to the round it falls
// in, so per-round ratios scatter, and with allocation per advice changed the median can miss what the
// collections cost; a block's sum charges each build the collections it triggered, about in proportion.
const int Block = 50;
var blocks = times[0].Count / Block;
var blockRatios = new List<double>[probes.Length];
for (var i = 0; i < probes.Length; i++)
{
    blockRatios[i] = [.. Enumerable.Range(0, blocks).Select(b => times[i].Skip(b * Block).Take(Block).Sum() / times[0].Skip(b * Block).Take(Block).Sum())];
    blockRatios[i].Sort();
}

for (var i = 0; i < probes.Length; i++)
{
    var mean = times[i].Average();
    var sums = blockRatios[i].Count == 0 ? "" : $"; mean {mean:F2} µs/advice, ratio of sums {times[i].Sum() / times[0].Sum():F3}, of {blocks} blocks of {Block} rounds [{blockRatios[i][blocks / 4]:F3}-{blockRatios[i][3 * blocks / 4]:F3}]";
    ratios[i].Sort(); times[i].Sort();
    var n = ratios[i].Count;
    Console.WriteLine($"{specs[i]}: median {times[i][n / 2]:F2} µs/advice, ratio to first {ratios[i][n / 2]:F3} [{ratios[i][n / 4]:F3}-{ratios[i][3 * n / 4]:F3}] ({n} rounds), {bytes[i] / 1024:F2} KB/advice{sums}");
}

static (MethodInfo Setup, MethodInfo Round, MethodInfo Bytes, MethodInfo Output) Load(string dir)
{
    var path = Path.GetFullPath(Path.Combine(dir, "SciaticaAdvisor.Benchmarks.dll"));
    var alc = new Ctx(path);
    var asm = alc.LoadFromAssemblyPath(path);
    var t = asm.GetType("SciaticaAdvisor.Benchmarks.Pipeline.EngineProbe", true)!;
    var f = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
    return (t.GetMethod("AbSetup", f)!, t.GetMethod("AbRound", f)!, t.GetMethod("AbBytes", f)!, t.GetMethod("AbOutput", f)!);
}

sealed class Ctx(string path) : AssemblyLoadContext(path)
{
    private readonly AssemblyDependencyResolver _resolver = new(path);
    protected override Assembly? Load(AssemblyName name)
    {
        var p = _resolver.ResolveAssemblyToPath(name);
        return p is null ? null : LoadFromAssemblyPath(p);
    }
    protected override nint LoadUnmanagedDll(string name)
    {
        var p = _resolver.ResolveUnmanagedDllToPath(name);
        return p is null ? 0 : LoadUnmanagedDllFromPath(p);
    }
}
