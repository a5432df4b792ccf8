#!/usr/bin/env dotnet
// Sweeps cause × flare × sensitivity × intensity through the advisor and reports how the advice
// shifts: a CSV of every profile, a summary table, and a PNG chart of the shares.
//
//   dotnet run sweep.cs                       # the built-in rule set, output in ./sweep-output
//   dotnet run sweep.cs -- --rules my.yaml --out results
#:project ../../src/SciaticaAdvisor/SciaticaAdvisor.csproj
#:package ScottPlot@5.1.59
// REQUIRED: file-based apps default to AOT settings, under which the rules' expression trees run
// interpreted through reflection; a JIT-compiled app advises far faster.
#:property PublishAot=false
// The repository pins package versions centrally; a file-based app names its own.
#:property ManagePackageVersionsCentrally=false

using System.Globalization;
using System.Text;
using SciaticaAdvisor;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

var rules = Option("--rules");
var output = Option("--out") ?? "sweep-output";
Directory.CreateDirectory(output);

var advisor = rules is null ? Advisor.CreateDefault() : new AdvisorBuilder().AddRuleFile(rules).Build();
var rows = (
    from cause in Enum.GetValues<SciaticaCause>()
    from flare in Enum.GetValues<FlareState>()
    from sensitivity in Enum.GetValues<PainSensitivity>()
    from intensity in Enumerable.Range(0, 11)
    let profile = new SymptomProfile
    {
        Cause = cause,
        Flare = flare,
        PainSensitivity = sensitivity,
        PainIntensity = intensity,
        DiagnosisConfirmed = true,
        ClinicianApproved = true,
    }
    select (Profile: profile, Advice: advisor.Advise(profile))).ToList();

// CSV: one row per profile.
var csv = new StringBuilder("cause,flare,painSensitivity,painIntensity,status,topStyle,topPressure,styleCount,referral\n");
foreach (var (p, a) in rows)
{
    var top = a.Styles.FirstOrDefault();
    csv.Append(CultureInfo.InvariantCulture, $"{Camel(p.Cause)},{Camel(p.Flare)},{Camel(p.PainSensitivity)},{p.PainIntensity},{Camel(a.Status)},")
       .Append(CultureInfo.InvariantCulture, $"{(top is null ? "" : Camel(top.Style))},{(top is null ? "" : Camel(top.Pressure))},{a.Styles.Length},{(a.Referral is null ? "" : Camel(a.Referral.Urgency))}\n");
}

var csvPath = Path.Combine(output, "sweep.csv");
File.WriteAllText(csvPath, csv.ToString());

// Summary: share of each top style and each status, overall and by flare.
var outcomes = rows.Select(r => (Flare: r.Profile.Flare, Outcome: r.Advice.Styles.IsEmpty ? "(" + Camel(r.Advice.Status) + ")" : Camel(r.Advice.Styles[0].Style))).ToList();
var statuses = rows.GroupBy(r => Camel(r.Advice.Status)).Select(g => (Name: g.Key, Share: (double)g.Count() / rows.Count)).OrderByDescending(s => s.Share).ToList();
var tops = outcomes.GroupBy(o => o.Outcome).Select(g => (Name: g.Key, Share: (double)g.Count() / rows.Count)).OrderByDescending(s => s.Share).ToList();

Console.WriteLine($"Rule set {advisor.RuleSet.Name} {advisor.RuleSet.Version}: {rows.Count} profiles");
Console.WriteLine();
Console.WriteLine($"{"top style",-22}{"share",8}   {string.Join("", Enum.GetValues<FlareState>().Select(f => $"{"flare " + Camel(f),18}"))}");
foreach (var (name, share) in tops)
{
    var byFlare = Enum.GetValues<FlareState>().Select(f => (double)outcomes.Count(o => o.Flare == f && o.Outcome == name) / outcomes.Count(o => o.Flare == f));
    Console.WriteLine($"{name,-22}{share,8:P1}   {string.Join("", byFlare.Select(s => $"{s,18:P1}"))}");
}

Console.WriteLine();
Console.WriteLine($"{"status",-22}{"share",8}");
foreach (var (name, share) in statuses)
{
    Console.WriteLine($"{name,-22}{share,8:P1}");
}

// Chart: two groups of bars, top style shares and status shares.
var plot = new ScottPlot.Plot();
var bars = tops.Select((t, i) => new ScottPlot.Bar { Position = i, Value = t.Share * 100, FillColor = ScottPlot.Colors.SteelBlue })
    .Concat(statuses.Select((s, i) => new ScottPlot.Bar { Position = tops.Count + 1 + i, Value = s.Share * 100, FillColor = ScottPlot.Colors.DarkOrange }))
    .ToList();
plot.Add.Bars(bars);
var ticks = tops.Select((t, i) => new ScottPlot.Tick(i, t.Name))
    .Concat(statuses.Select((s, i) => new ScottPlot.Tick(tops.Count + 1 + i, s.Name)))
    .ToArray();
plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
plot.Axes.Bottom.MinimumSize = 120; // room for the rotated labels
plot.Axes.Right.MinimumSize = 60;
plot.Axes.Margins(bottom: 0);
plot.Title($"Top style (blue) and status (orange): share of {rows.Count} profiles");
plot.YLabel("share of profiles (%)");
var pngPath = Path.Combine(output, "sweep.png");
plot.SavePng(pngPath, 900, 560);

Console.WriteLine();
Console.WriteLine($"Wrote {csvPath} and {pngPath}");

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

static string Camel<T>(T value)
    where T : struct, Enum
{
    var name = value.ToString();
    return char.ToLowerInvariant(name[0]) + name[1..];
}
