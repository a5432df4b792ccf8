using System.Diagnostics;
using System.Globalization;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>sweep</c>: the command line over the study API, its exit codes and messages.</summary>
public sealed class SweepCommandTests : IDisposable
{
    private const string Study = """
        population:
          grid:
            cause: [herniatedDisc, piriformisSyndrome]
            flare: [none, acute]
            painSensitivity: [low]
            painIntensity: [3, 7]
          fixed: { diagnosisConfirmed: true, clinicianApproved: true }
        variants:
          - name: default
            rules: ["@default"]
          - name: clinic
            rules: ["@default", "clinic.yaml"]
        """;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Sweep_Study_WritesEveryRowAndSaysSo()
    {
        _files.Write("clinic.yaml", "name: clinic\nversion: 1\ndisable: [piriformis-deep-tissue-up]\nrules: []\n");
        var study = _files.Write("study.yaml", Study);

        var result = await Tool.RunAsync("sweep", study, "--output", _files.PathOf("out"), "--format", "csv");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().StartWith("8 profiles x 2 variants = 16 rows in ");
        File.ReadAllLines(_files.PathOf("out/advice.csv")).Should().HaveCount(17);
        File.Exists(_files.PathOf("out/summary.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Sweep_AgainWithoutAVariant_RemovesThatVariantsChartsAndNamesThem()
    {
        _files.Write("clinic.yaml", "name: clinic\nversion: 1\ndisable: [piriformis-deep-tissue-up]\nrules: []\n");
        var study = _files.Write("study.yaml", Study);
        (await Tool.RunAsync("sweep", study, "--output", _files.PathOf("out"))).ExitCode.Should().Be(0);
        var clinicCharts = Directory.GetFiles(_files.PathOf("out"), "*clinic*.png").Select(Path.GetFileName).ToList();
        clinicCharts.Should().NotBeEmpty();

        _files.Write("study.yaml", Study[..Study.IndexOf("  - name: clinic", StringComparison.Ordinal)]);
        var again = await Tool.RunAsync("sweep", study, "--output", _files.PathOf("out"));

        again.ExitCode.Should().Be(0, again.Stderr);
        again.Stderr.Should().Contain("removed ").And.Contain("files an earlier run wrote there and this one did not: ");
        foreach (var chart in clinicCharts)
        {
            again.Stderr.Should().Contain(chart);
            File.Exists(_files.PathOf("out/" + chart)).Should().BeFalse();
        }

        File.Exists(_files.PathOf("out/advice.parquet")).Should().BeTrue();
    }

    [Fact]
    public async Task Sweep_VariantThatFaults_WritesEveryRowWithTheFaults_AndExitsOne()
    {
        // shiatsu first for low sensitivity contradicts the default's relaxation or reflexology first in an acute flare.
        _files.Write("clinic.yaml", RuleText.ShiatsuFirstLayer);
        var study = _files.Write("study.yaml", Study);

        var result = await Tool.RunAsync("sweep", study, "--output", _files.PathOf("out"), "--format", "csv");

        result.ExitCode.Should().Be(1, "a fault is the rule set's: exit 1, as batch, once every row is written");
        result.Stderr.Should().StartWith("8 profiles x 2 variants = 16 rows in ");
        result.Stderr.Should().MatchRegex("fault: the rules of variant 'clinic' faulted on [1-7] of 8 profiles; each has a row with its 'fault' column set and no advice\\. "
            + "The first: Rule set 'shiatsu-first 1\\.0\\.0' is at fault: no ranking keeps every placement");
        result.Stderr.Should().NotContain("   at ");
        var lines = File.ReadAllLines(_files.PathOf("out/advice.csv"));
        lines.Should().HaveCount(17);
        lines[0].Should().EndWith(",fault");
        lines.Skip(1).Should().Contain(l => l.StartsWith("clinic,", StringComparison.Ordinal) && l.Contains("no ranking keeps every placement", StringComparison.Ordinal));
        lines.Skip(1).Where(l => l.StartsWith("default,", StringComparison.Ordinal)).Should().HaveCount(8).And.OnlyContain(l => l.EndsWith(','), "the default variant advises every profile");
        File.Exists(_files.PathOf("out/summary.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Sweep_InvalidStudy_IsExit2WithEveryErrorAndItsPosition()
    {
        var study = _files.Write("study.yaml", Study.Replace("flare: [none, acute]", "flare: [none, acut]", StringComparison.Ordinal));

        var result = await Tool.RunAsync("sweep", study, "--output", _files.PathOf("out"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain($"{study}:4:19: unknown flare 'acut'");
        result.Stderr.Should().Contain($"{study}:12:25: the rule file 'clinic.yaml' does not exist");
        result.Stderr.Should().NotContain("   at ");
        Directory.Exists(_files.PathOf("out")).Should().BeFalse();
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("three")]
    public async Task Sweep_BadShard_IsExit2(string shard)
    {
        var result = await Tool.RunAsync("sweep", _files.Write("study.yaml", Study), "--shard", shard);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("--shard must be K/N with 1 <= K <= N");
    }

    [Fact]
    public async Task Sweep_WithRulesOption_IsExit2()
    {
        var result = await Tool.RunAsync("sweep", _files.Write("study.yaml", Study), "--rules", "@default");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("sweep takes its rules from the study file's variants");
    }

    [Fact]
    public async Task Sweep_InterruptedByCtrlC_InTheRealProcess_RemovesItsPartialFiles_AndSaysSo()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/kill"))
        {
            return;
        }

        // Long enough to be interrupted while it writes: a sample of 10,000,000 profiles (about a minute
        // quiet, some 230 MB of Parquet), which an interrupted run leaves after a fraction of a second.
        var study = _files.Write("study.yaml", "population:\n  sample: { count: 10000000, seed: 1 }\nvariants:\n  - { name: default, rules: [\"@default\"] }\n");
        var output = _files.PathOf("out");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sciatica-advisor.dll"), "sweep", study, "--output", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();

        // Polled and signalled without the thread pool, which the suite's other tests may hold for a while
        // on a loaded machine: the signal must come while the rows are written, not after.
        var waited = Stopwatch.StartNew();
        while (!File.Exists(Path.Combine(output, "advice.parquet.partial")) && !process.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            Thread.Sleep(20);
        }

        var clock = Stopwatch.StartNew();
        var sawPartial = !process.HasExited;
        int killed;
        using (var kill = Process.Start("/bin/kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
            killed = kill.ExitCode;
        }

        var signalled = clock.Elapsed;
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
        }

        // What happened when, for a failure on a loaded machine (it failed once, in a clean-clone run, the sweep finishing all its rows).
        (await stderr).Should().Be("sciatica-advisor: interrupted: the run stopped and removed its partial files\n",
            $"SIGINT was sent {(sawPartial ? "while the run wrote" : "after the run had ended")}, kill exited {killed} after {signalled.TotalMilliseconds:0} ms, and the run ended {clock.Elapsed.TotalMilliseconds:0} ms after the kill began");
        process.ExitCode.Should().Be(130, "an interrupt is not a fault of the program, which exit 1 is reserved for");
        Directory.GetFiles(output).Should().BeEmpty("an interrupted run leaves nothing behind, not even its .partial files");
    }

    [Fact]
    public async Task Sweep_MissingStudyFile_IsExit2NamingIt()
    {
        var result = await Tool.RunAsync("sweep", _files.PathOf("nowhere.yaml"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Be($"{_files.PathOf("nowhere.yaml")}: the study file does not exist\n");
    }
}
