using SciaticaAdvisor.Studies;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>
/// A run into a folder an earlier run wrote leaves none of the earlier run's reports looking like its
/// own, keeps every earlier run's rows, and never touches a file the tool did not write.
/// </summary>
public sealed class EarlierRunFilesTests : IDisposable
{
    private const string TwoVariants = """
        name: small-grid
        population:
          grid:
            cause: [herniatedDisc, spinalStenosis]
            flare: [none, acute]
            painIntensity: [2, 8]
          fixed:
            painSensitivity: low
            diagnosisConfirmed: true
            symptomWeeks: 6
        variants:
          - name: default
            rules: ["@default"]
          - name: harsh-caution
            rules: ["@default"]
            settings: { cautionPenalty: 40 }
        """;

    private static readonly string OneVariant = TwoVariants[..TwoVariants.IndexOf("  - name: harsh-caution", StringComparison.Ordinal)];

    private readonly StudyFolder _folder = new();

    private string Output => _folder.PathOf("out");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ARunWithoutAVariant_RemovesThatVariantsCharts_AndKeepsTheUsersOwnFiles()
    {
        var first = await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });
        first.Files.Select(Path.GetFileName).Should().Contain(name => name!.Contains("harsh-caution", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "the researcher's own");

        var second = await Run(OneVariant, new StudyRunOptions { OutputDirectory = Output });

        Names().Should().BeEquivalentTo(second.Files.Select(Path.GetFileName).Append("notes.txt"),
            "what is left is this run's files and the file the tool did not write");
        Names().Should().NotContain(name => name.Contains("harsh-caution", StringComparison.Ordinal));
        second.Removed.Select(Path.GetFileName).Should().BeEquivalentTo(first.Files.Select(Path.GetFileName).Except(second.Files.Select(Path.GetFileName)));
        second.Removed.Should().NotBeEmpty();
        File.ReadAllText(Path.Combine(Output, "notes.txt")).Should().Be("the researcher's own");
    }

    [Fact]
    public async Task TheSameRunAgain_RemovesNothing()
    {
        await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });
        var again = await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });

        again.Removed.Should().BeEmpty();
        Names().Should().BeEquivalentTo(again.Files.Select(Path.GetFileName));
    }

    [Fact]
    public async Task Shards_AndAnotherFormat_KeepTheWholeRunsRowsAndReports()
    {
        var whole = await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });
        var one = await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output, Shard = new StudyShard(1, 2) });
        var two = await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output, Shard = new StudyShard(2, 2) });
        var ofThree = await Run(OneVariant, new StudyRunOptions { OutputDirectory = Output, Shard = new StudyShard(1, 3) });

        one.Removed.Should().BeEmpty();
        two.Removed.Should().BeEmpty();
        ofThree.Removed.Should().BeEmpty("rows are data: a whole run's, other shards', each file with its provenance");
        Names().Should().BeEquivalentTo(whole.Files.Concat(one.Files).Concat(two.Files).Concat(ofThree.Files).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ARunToCsv_KeepsTheParquetRowsOfTheRunBefore_AndDropsOnlyItsOwnStaleReports()
    {
        await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });
        var csv = await Run(OneVariant, new StudyRunOptions { OutputDirectory = Output, Format = StudyFormat.Csv });

        Names().Should().Contain(["advice.parquet", "advice.csv", "provenance.json"]);
        csv.Removed.Should().NotBeEmpty().And.OnlyContain(path => Path.GetFileName(path).Contains("harsh-caution", StringComparison.Ordinal)
            || Path.GetFileName(path).StartsWith("difference-", StringComparison.Ordinal), "the charts of the dropped variant and the comparisons it made");
    }

    [Fact]
    public async Task AListNamingFilesOutsideTheFolder_OrTheStudysInput_OrRows_OrNotTheToolsOwn_RemovesNone()
    {
        var outside = _folder.Write("outside.txt", "not the tool's");
        var population = Path.Combine(Output, "people.jsonl");
        Directory.CreateDirectory(Output);
        File.WriteAllText(population, """{"cause":"herniatedDisc","flare":"none","painSensitivity":"low","painIntensity":3}""" + "\n");
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  file: out/people.jsonl\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));
        File.WriteAllText(Path.Combine(Output, ".sciatica-study.json"), $$"""{"reports":["../outside.txt","{{outside.Replace("\\", "\\\\", StringComparison.Ordinal)}}","people.jsonl","",".","..","sub","advice.parquet"]}""");
        Directory.CreateDirectory(Path.Combine(Output, "sub"));
        File.WriteAllText(Path.Combine(Output, "advice.parquet"), "rows are never removed");

        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = Output, WriteReports = false, Format = StudyFormat.Csv });

        result.Removed.Should().BeEmpty();
        File.Exists(Path.Combine(Output, "advice.parquet")).Should().BeTrue();
        File.Exists(outside).Should().BeTrue();
        File.Exists(population).Should().BeTrue("a run never removes its own input");
        Directory.Exists(Path.Combine(Output, "sub")).Should().BeTrue();

        // A list that is not JSON, or not the tool's shape, removes nothing either.
        var charts = await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });
        foreach (var text in new[] { "not JSON at all", "[1, 2]", """{"reports": "summary.md"}""" })
        {
            File.WriteAllText(Path.Combine(Output, ".sciatica-study.json"), text);
            var again = await Run(OneVariant, new StudyRunOptions { OutputDirectory = Output });
            again.Removed.Should().BeEmpty(text);
            Names().Should().Contain(charts.Files.Select(Path.GetFileName)!, text);
        }
    }

    [Fact]
    public async Task AFailedRun_RemovesNothing_AndLeavesTheEarlierRunsList()
    {
        await Run(TwoVariants, new StudyRunOptions { OutputDirectory = Output });
        var before = Names();

        // The one-variant run's reports cannot be written: a folder is in the way of its summary.
        var summary = Directory.GetFiles(Output, "summary*").First();
        File.Delete(summary);
        Directory.CreateDirectory(summary);
        Directory.CreateDirectory(summary + ".partial");
        var act = () => Run(OneVariant, new StudyRunOptions { OutputDirectory = Output });

        await act.Should().ThrowAsync<StudyException>();
        Names().Should().BeEquivalentTo(before.Where(n => n != Path.GetFileName(summary)));
        File.ReadAllText(Path.Combine(Output, ".sciatica-study.json")).Should().Contain("harsh-caution", "the list is the earlier run's until a run completes");
    }

    private async Task<StudyResult> Run(string text, StudyRunOptions options) =>
        await Study.Load(_folder.Write("study.yaml", text)).RunAsync(options);

    /// <summary>The names of the files in the output folder, the tool's list of them aside.</summary>
    private string[] Names() =>
        [.. Directory.GetFiles(Output).Select(f => Path.GetFileName(f)!).Where(n => !n.StartsWith(".sciatica-study", StringComparison.Ordinal))];
}
