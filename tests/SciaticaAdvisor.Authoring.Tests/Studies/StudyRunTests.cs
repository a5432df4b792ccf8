using System.Globalization;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Studies;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>Running a study and reading its output back as a researcher would: with DuckDB.</summary>
public sealed class StudyRunTests : IDisposable
{
    private const string GridStudy = """
        name: small-grid
        population:
          grid:
            cause: [herniatedDisc, piriformisSyndrome, spinalStenosis]
            flare: [none, acute]
            painSensitivity: [low, high]
            painIntensity: [2, 8]
            symptoms: [[], [tingling, numbness]]
            clinicianApproved: [true, false]
          fixed:
            diagnosisConfirmed: true
            symptomWeeks: 6
        variants:
          - name: default
            rules: ["@default"]
          - name: harsh-caution
            rules: ["@default"]
            settings: { cautionPenalty: 40 }
        """;

    private readonly StudyFolder _folder = new();
    private readonly DuckDb _duck = new();

    public void Dispose()
    {
        _duck.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Run_Parquet_HasTypedColumnsRowGroupsAndProvenance()
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));
        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), RowGroupSize = 50, WriteReports = false });
        var parquet = DuckDb.Literal(result.Files[0]);

        result.Rows.Should().Be(96 * 2);
        Path.GetFileName(result.Files[0]).Should().Be("advice.parquet");
        _duck.Scalar($"SELECT count(*) FROM {parquet}").Should().Be(192L);
        Convert.ToInt64(_duck.Scalar($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({parquet})"), CultureInfo.InvariantCulture).Should().Be(4);
        var types = _duck.Rows($"DESCRIBE SELECT * FROM {parquet}").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        types.Should().Contain(new Dictionary<string, string>
        {
            ["variant"] = "VARCHAR", ["profile"] = "BIGINT", ["painIntensity"] = "INTEGER", ["symptomWeeks"] = "INTEGER",
            ["diagnosisConfirmed"] = "BOOLEAN", ["status"] = "VARCHAR", ["shiatsuRank"] = "INTEGER", ["shiatsuScore"] = "DOUBLE",
            ["adjunctCount"] = "INTEGER", ["noteCount"] = "INTEGER",
        });
        _duck.Scalar($"SELECT count(*) FROM parquet_metadata({parquet}) WHERE path_in_schema = 'status' AND encodings NOT LIKE '%DICTIONARY%'")
            .Should().Be(0L, "a code column is dictionary-encoded in every row group");
        _duck.Scalar($"SELECT count(*) FROM parquet_metadata({parquet}) WHERE path_in_schema = 'firedRules' AND encodings LIKE '%DICTIONARY%'")
            .Should().Be(0L, "the fired rules, long and mostly distinct, are written plain");
        var metadata = _duck.Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({parquet})").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        metadata["sciatica-advisor.study.sha256"].Should().Be(study.Sha256);
        metadata["sciatica-advisor.provenance"].Should().Contain("\"harsh-caution\"").And.Contain("\"cautionPenalty\": 40");
    }

    [Fact]
    public async Task Run_Rows_AreTheLibrarysAdviceForEachProfile()
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));
        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), WriteReports = false });
        var advisor = Advisor.CreateDefault();

        // Profile 0 is the first value of every factor; the last profile is the last value of each.
        var first = new SymptomProfile
        {
            Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 2,
            Symptoms = [], ClinicianApproved = true, DiagnosisConfirmed = true, SymptomWeeks = 6,
        };
        var last = first with
        {
            Cause = SciaticaCause.SpinalStenosis, Flare = FlareState.Acute, PainSensitivity = PainSensitivity.High, PainIntensity = 8,
            Symptoms = [Symptom.Tingling, Symptom.Numbness], ClinicianApproved = false,
        };
        foreach (var (index, profile) in new[] { (0L, first), (95L, last) })
        {
            var advice = advisor.Advise(profile);
            var row = _duck.Rows($"SELECT cause, flare, symptoms, clinicianApproved, status, topStyle, styles, firedRules, ruleSetSha256 FROM {DuckDb.Literal(result.Files[0])} WHERE profile = {index} AND variant = 'default'").Single();
            row[0].Should().Be(profile.Cause == SciaticaCause.HerniatedDisc ? "herniatedDisc" : "spinalStenosis");
            row[2].Should().Be(profile.Symptoms.IsEmpty ? "" : "tingling;numbness");
            row[3].Should().Be(profile.ClinicianApproved);
            row[4].Should().Be(advice.Status == AdviceStatus.Recommended ? "recommended" : "clearanceNeeded");
            row[6].Should().Be(string.Join(";", advice.Styles.Select(s => Camel(s.Style.ToString()))));
            row[7].Should().Be(string.Join(";", advice.Trace.Select(t => t.RuleId)));
            row[8].Should().Be(advice.RuleSet.Sha256);
        }
    }

    [Fact]
    public async Task Run_EveryAdviceCell_IsTheAdvicesOwnValueAndNullWhereItHasNone()
    {
        // 1,500 sampled profiles: many input classes, repeated ones among them (answered from the cache),
        // referrals and clearances; 700-row groups end inside chunks.
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  sample: { count: 1500, seed: 3 }\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));
        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), RowGroupSize = 700, WriteReports = false });
        var advisor = Advisor.CreateDefault();
        var sampler = new Populations.ProfileSampler(new Random(3));

        var rows = _duck.Rows($"SELECT {string.Join(", ", AdviceColumns().Select(c => $"\"{c}\""))} FROM {DuckDb.Literal(result.Files[0])} ORDER BY profile");

        rows.Should().HaveCount(1500);
        var seen = new HashSet<AdviceStatus>();
        foreach (var row in rows)
        {
            var advice = advisor.Advise(sampler.Next());
            seen.Add(advice.Status);
            row.Should().Equal(ExpectedCells(advice), "every cell of a row is its advice's, a real null where the advice has no value");
        }

        seen.Should().Contain([AdviceStatus.Recommended, AdviceStatus.Referral], "the sample should reach rows with and without a referral");
    }

    [Fact]
    public async Task Run_VariantsThatReplayAnotherVariantsFiredRules_GiveEveryRowTheirOwnAdvisorsAdvice()
    {
        // harsh-caution and no-reflexology-up replay default's fired rules (a setting; a disabled rule that
        // asserts no fact), both-changes too; no-deep-tissue-avoid disables a rule that derives a fact and
        // avoids a style, so it runs its own engine; lenient-shiatsu replays shiatsu-first, which faults on
        // some profiles. Every row is compared with an advisor of that variant's own, built independently.
        _folder.Write("shiatsu-first.yaml", RuleText.ShiatsuFirstLayer);
        var study = Study.Load(_folder.Write("study.yaml", """
            population:
              sample: { count: 3000, seed: 5 }
            variants:
              - { name: default, rules: ["@default"] }
              - { name: harsh-caution, rules: ["@default"], settings: { cautionPenalty: 30 } }
              - { name: no-reflexology-up, rules: ["@default"], disable: [tingling-or-numbness-reflexology-up] }
              - { name: no-deep-tissue-avoid, rules: ["@default"], disable: [acute-flare-no-deep-tissue] }
              - { name: both-changes, rules: ["@default"], settings: { cautionPenalty: 0 }, disable: [tingling-or-numbness-reflexology-up] }
              - { name: shiatsu-first, rules: ["@default", "shiatsu-first.yaml"] }
              - { name: lenient-shiatsu, rules: ["@default", "shiatsu-first.yaml"], settings: { cautionPenalty: 2 } }
            """));
        var advisors = new[]
        {
            Advisor.CreateDefault(),
            Layered("settings:\n  cautionPenalty: 30\n"),
            Layered("disable:\n  - tingling-or-numbness-reflexology-up\n"),
            Layered("disable:\n  - acute-flare-no-deep-tissue\n"),
            Layered("settings:\n  cautionPenalty: 0\ndisable:\n  - tingling-or-numbness-reflexology-up\n"),
            Layered(null, "shiatsu-first.yaml"),
            Layered("settings:\n  cautionPenalty: 2\n", "shiatsu-first.yaml"),
        };

        study.Compiled.Select(v => v.Replays?.Leader).Should().Equal([null, 0, 0, null, 0, null, 5], "which variants replay which is what this test is about");
        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), RowGroupSize = 4000, WriteReports = false });
        var rows = _duck.Rows($"SELECT variant, {string.Join(", ", AdviceColumns().Select(c => $"\"{c}\""))} FROM read_parquet({DuckDb.Literal(result.Files[0])}, file_row_number = true) ORDER BY file_row_number");
        var sampler = new Populations.ProfileSampler(new Random(5));

        rows.Should().HaveCount(3000 * advisors.Length);
        var faults = 0;
        for (var p = 0; p < 3000; p++)
        {
            var profile = sampler.Next();
            for (var v = 0; v < advisors.Length; v++)
            {
                var row = rows[(p * advisors.Length) + v];
                row[0].Should().Be(study.Variants[v].Name);
                try
                {
                    var expected = ExpectedCells(advisors[v].Advise(profile));
                    row.Skip(1).Should().Equal(expected, $"profile {p} under {study.Variants[v].Name} is that variant's advisor's advice");
                }
                catch (Rules.RuleSetFaultException ex)
                {
                    faults++;
                    row.Skip(1).Take(row.Length - 2).Should().AllSatisfy(cell => cell.Should().BeNull(), "a fault row has no advice");
                    ((string)row[^1]!).Should().EndWith("is at fault: " + ex.Fault);
                }
            }
        }

        faults.Should().BeGreaterThan(0, "the sample should reach profiles shiatsu-first faults on");
        rows.Select(r => r[^1]).Where(f => f is not null).Should().HaveCount(faults);
    }

    [Fact]
    public async Task Run_ClassesKept_GiveTheSameFileAsAdvisingEveryProfile()
    {
        // The throughput study's variants over 4,000 sampled profiles (classes repeat, two variants replay
        // the first), with a faulting layer and its replaying variant: keeping the classes' cells (the
        // default), keeping one (every other class is advised once a chunk it is in), keeping a few, and
        // keeping none must write the same Parquet file, byte for byte.
        _folder.Write("shiatsu-first.yaml", RuleText.ShiatsuFirstLayer);
        var study = Study.Load(_folder.Write("study.yaml", """
            population:
              sample: { count: 4000, seed: 2 }
            variants:
              - { name: default, rules: ["@default"] }
              - { name: harsh-caution, rules: ["@default"], settings: { cautionPenalty: 30 } }
              - { name: no-reflexology-up, rules: ["@default"], disable: [tingling-or-numbness-reflexology-up] }
              - { name: shiatsu-first, rules: ["@default", "shiatsu-first.yaml"] }
              - { name: lenient-shiatsu, rules: ["@default", "shiatsu-first.yaml"], settings: { cautionPenalty: 2 } }
            """));
        var files = new List<byte[]>();
        foreach (var kept in new[] { 0, 1, 50, 32_768 })
        {
            var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf($"out-{kept}"), ClassesKept = kept, WriteReports = false });
            files.Add(await File.ReadAllBytesAsync(result.Files[0]));
            result.Faults.Should().NotBeEmpty("the faulting layer's rows go through the kept classes too");
        }

        files[1].Should().Equal(files[0], "one class kept changes no byte");
        files[2].Should().Equal(files[0], "a few classes kept change no byte");
        files[3].Should().Equal(files[0], "every class kept changes no byte");
        var negative = () => study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out-bad"), ClassesKept = -1 });
        await negative.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    /// <summary>An advisor over the default rules (and <paramref name="file"/>), with a layer of settings and disabled rules on top, as a researcher would write it.</summary>
    private Advisor Layered(string? overrides, string? file = null)
    {
        var builder = new AdvisorBuilder().UseDefaultRules();
        if (file is not null)
        {
            builder.AddRuleFile(_folder.PathOf(file));
        }

        if (overrides is not null)
        {
            builder.AddRules($"name: overrides\nversion: \"1\"\n{overrides}rules: []\n", "overrides.yaml");
        }

        return builder.Build();
    }

    [Theory]
    [InlineData(7)]
    [InlineData(16_384)]
    public async Task Run_ParquetReadByDuckDb_EqualsTheCsvCellForCell(int rowGroupSize)
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));

        var parquet = await ParquetEqualsCsvAsync(study, rowGroupSize);

        RowGroups(parquet).Should().Be((192 + rowGroupSize - 1) / rowGroupSize);
    }

    [Fact]
    public async Task Run_ManyChunksAndRowGroups_ReadBackCompletelyAndInOrder()
    {
        // 2,000 profiles are 8 chunks of 256 under 2 variants; 333-row groups end inside chunks, so every
        // row group is filled from several chunks and most chunks are split across groups.
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  sample: { count: 2000, seed: 7 }\nvariants:\n  - { name: a, rules: [\"@default\"] }\n  - { name: b, rules: [\"@default\"], settings: { cautionPenalty: 30 } }\n"));

        var parquet = await ParquetEqualsCsvAsync(study, 333);

        RowGroups(parquet).Should().Be(13);
        _duck.Scalar($"SELECT count(DISTINCT profile) FROM {DuckDb.Literal(parquet)}").Should().Be(2000L);
        _duck.Scalar($"SELECT count(*) FROM (SELECT profile, variant, file_row_number AS position FROM read_parquet({DuckDb.Literal(parquet)}, file_row_number = true)) WHERE position <> profile * 2 + (CASE variant WHEN 'a' THEN 0 ELSE 1 END)")
            .Should().Be(0L, "rows are profile by profile, the variants in study order");
    }

    [Fact]
    public async Task Run_VariantThatFaults_WritesAFaultRowForEachFaultAndAdvisesEveryOtherRow()
    {
        // shiatsu first for low and moderate sensitivity contradicts the default's relaxation or
        // reflexology first in an acute flare: those profiles fault, the others are advised.
        _folder.Write("shiatsu-first.yaml", RuleText.ShiatsuFirstLayer);
        var study = Study.Load(_folder.Write("study.yaml", """
            population:
              grid:
                cause: [herniatedDisc, piriformisSyndrome, spinalStenosis]
                flare: [none, subsiding, acute]
                painSensitivity: [low, moderate, high]
                painIntensity: [3, 8]
              fixed: { diagnosisConfirmed: true, clinicianApproved: true }
            variants:
              - { name: default, rules: ["@default"] }
              - { name: shiatsu-first, rules: ["@default", "shiatsu-first.yaml"] }
            """));
        var layered = new AdvisorBuilder().UseDefaultRules().AddRuleFile(_folder.PathOf("shiatsu-first.yaml")).Build();
        var expected = new List<long>();
        var index = 0L;
        foreach (var cause in new[] { SciaticaCause.HerniatedDisc, SciaticaCause.PiriformisSyndrome, SciaticaCause.SpinalStenosis })
        {
            foreach (var flare in new[] { FlareState.None, FlareState.Subsiding, FlareState.Acute })
            {
                foreach (var sensitivity in new[] { PainSensitivity.Low, PainSensitivity.Moderate, PainSensitivity.High })
                {
                    foreach (var intensity in new[] { 3, 8 })
                    {
                        var profile = new SymptomProfile { Cause = cause, Flare = flare, PainSensitivity = sensitivity, PainIntensity = intensity, DiagnosisConfirmed = true, ClinicianApproved = true };
                        if (Faults(layered, profile))
                        {
                            expected.Add(index);
                        }

                        index++;
                    }
                }
            }
        }

        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out") });
        var parquet = DuckDb.Literal(result.Files[0]);

        expected.Should().NotBeEmpty().And.HaveCountLessThan(54, "the layer faults on some profiles, not all");
        result.Rows.Should().Be(108, "every profile has a row under every variant, faults included");
        result.Faults.Should().ContainSingle().Which.Should().Match<StudyFault>(f => f.Variant == "shiatsu-first" && f.Rows == expected.Count);
        result.Faults[0].FirstMessage.Should().Contain("no ranking keeps every placement");
        _duck.Rows($"SELECT profile FROM {parquet} WHERE fault IS NOT NULL ORDER BY profile").Select(r => (long)r[0]!).Should().Equal(expected);
        _duck.Scalar($"SELECT count(*) FROM {parquet} WHERE fault IS NOT NULL AND (variant <> 'shiatsu-first' OR status IS NOT NULL OR styles IS NOT NULL OR firedRules IS NOT NULL OR adjunctCount IS NOT NULL OR shiatsuRank IS NOT NULL)")
            .Should().Be(0L, "a fault row has the fault and no advice");
        _duck.Scalar($"SELECT count(*) FROM {parquet} WHERE fault IS NULL AND (status IS NULL OR firedRules IS NULL)").Should().Be(0L, "every other row is advised");
        File.ReadAllText(_folder.PathOf("out/summary.md")).Should().Contain($"Variant `shiatsu-first` faulted on {expected.Count} of 54 profiles");
        File.Exists(_folder.PathOf("out/sensitivity.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Run_Shards_TogetherAreTheWholeStudyRowForRow()
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));
        var whole = (await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), WriteReports = false })).Files[0];
        for (var k = 1; k <= 3; k++)
        {
            var part = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), Shard = new StudyShard(k, 3) });
            Path.GetFileName(part.Files[0]).Should().Be($"advice.part-{k}-of-3.parquet");
            part.Files.Should().NotContain(f => f.EndsWith(".md", StringComparison.Ordinal), "a shard cannot summarise the whole study");
        }

        var parts = DuckDb.Literal(_folder.PathOf("out/advice.part-*-of-3.parquet"));
        _duck.Scalar($"SELECT count(*) FROM read_parquet({parts})").Should().Be(_duck.Scalar($"SELECT count(*) FROM {DuckDb.Literal(whole)}"));
        _duck.Scalar($"SELECT count(*) FROM (SELECT * FROM {DuckDb.Literal(whole)} EXCEPT ALL SELECT * FROM read_parquet({parts}))").Should().Be(0L);
        _duck.Scalar($"SELECT count(*) FROM (SELECT * FROM read_parquet({parts}) EXCEPT ALL SELECT * FROM {DuckDb.Literal(whole)})").Should().Be(0L);
        _duck.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(_folder.PathOf("out/advice.part-2-of-3.parquet"))}) WHERE profile % 3 <> 1").Should().Be(0L);
    }

    [Fact]
    public async Task Run_DisabledRule_NeverFiresInThatVariant()
    {
        var yaml = GridStudy.Replace("""
              - name: harsh-caution
                rules: ["@default"]
                settings: { cautionPenalty: 40 }
            """, """
              - name: no-reflexology-up
                rules: ["@default"]
                disable: [tingling-or-numbness-reflexology-up]
            """, StringComparison.Ordinal);
        var study = Study.Load(_folder.Write("study.yaml", yaml));
        var parquet = DuckDb.Literal((await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), WriteReports = false })).Files[0]);

        _duck.Scalar($"SELECT count(*) FROM {parquet} WHERE variant = 'default' AND contains(firedRules, 'tingling-or-numbness-reflexology-up')").Should().NotBe(0L);
        _duck.Scalar($"SELECT count(*) FROM {parquet} WHERE variant = 'no-reflexology-up' AND contains(firedRules, 'tingling-or-numbness-reflexology-up')").Should().Be(0L);
    }

    [Fact]
    public async Task Run_Reports_SensitivityOfClearanceIsTheWholeStatus()
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));
        var result = await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out") });
        var sensitivity = File.ReadAllLines(_folder.PathOf("out/sensitivity.md"));
        var summary = File.ReadAllText(_folder.PathOf("out/summary.md"));

        // Diagnosis is fixed as confirmed, so approval alone decides between recommended and clearanceNeeded.
        sensitivity.Should().Contain(l => l.StartsWith("| **clinicianApproved** | **any other value** | 96 |", StringComparison.Ordinal) && l.Contains("| **100.0** | **100.0** |"));
        summary.Should().Contain("| default | 50.0 | 50.0 | 0.0 |");
        result.Files.Select(Path.GetFileName).Should().Contain(["summary.md", "sensitivity.md", "share-status.png", "difference-topStyle.png", "by-factor-topStyle-default.png", "sensitivity.png"]);
        File.ReadAllBytes(_folder.PathOf("out/share-status.png")).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
    }

    [Fact]
    public async Task Run_FilePopulation_ReadsCsvAsBatchDoesAndNamesABadLine()
    {
        _folder.Write("people.csv", "cause,flare,painSensitivity,painIntensity,symptoms\nherniatedDisc,acute,high,8,tingling;numbness\npiriformisSyndrome,none,low,3,\n");
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  file: people.csv\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));
        var parquet = DuckDb.Literal((await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), WriteReports = false })).Files[0]);

        _duck.Rows($"SELECT profile, cause, symptoms, painIntensity FROM {parquet} ORDER BY profile").Should().BeEquivalentTo(
            new[] { new object?[] { 0L, "herniatedDisc", "tingling;numbness", 8 }, new object?[] { 1L, "piriformisSyndrome", "", 3 } },
            o => o.WithStrictOrdering());

        _folder.Write("people.csv", "cause,flare,painSensitivity,painIntensity\nherniatedDisc,acute,high,8\npiriformisSyndrome,nun,low,3\n");
        var act = () => Study.Load(_folder.PathOf("study.yaml")).RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("bad") });

        var error = (await act.Should().ThrowAsync<StudyException>()).Which.Errors.Single();
        error.ToString().Should().StartWith("people.csv:3: The profile is not valid: $.flare: unknown value; expected one of").And.NotContain("nun");
        Directory.GetFiles(_folder.PathOf("bad")).Should().BeEmpty("a failed run leaves no output that looks complete");
    }

    [Fact]
    public async Task Run_FilePopulation_RecordsThePopulationFilesHash_InTheMetadataAndProvenance()
    {
        // The study file's hash does not cover a population file's content: a changed file must show in the provenance.
        var people = _folder.Write("people.csv", "cause,flare,painSensitivity,painIntensity\nherniatedDisc,acute,high,8\n");
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  file: people.csv\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));
        var parquet = DuckDb.Literal((await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), WriteReports = false })).Files[0]);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(people)));

        var metadata = _duck.Rows($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({parquet})").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        metadata.Should().Contain("sciatica-advisor.population.sha256", expected);
        File.ReadAllText(_folder.PathOf("out/provenance.json")).Should().Contain($"\"populationFile\": \"people.csv\"").And.Contain($"\"populationSha256\": \"{expected}\"");
    }

    [Fact]
    public async Task Run_FilePopulationWithBadLines_NamesEachLineAndPath_AndQuotesNoValueOfTheProfile()
    {
        // A profile is health data: the errors (which end up in logs) say where and what is allowed, never what the line held.
        _folder.Write("people.jsonl", string.Join("\n",
            "{\"cause\":\"herniatedDisc\",\"flare\":\"none\",\"painSensitivity\":\"low\",\"painIntensity\":3}",
            "{\"cause\":\"herniatedDisc\",\"flare\":\"secretflare\",\"painSensitivity\":\"low\",\"painIntensity\":3}",
            "{\"cause\":\"herniatedDisc\",\"flare\":\"none\",\"painSensitivity\":\"low\",\"painIntensity\":4.25}",
            "{\"cause\":\"herniatedDisc\",\"flare\":\"none\",\"painSensitivity\":\"low\",\"painIntensity\":3,\"symptoms\":[\"tingling\",\"tingling\"]}",
            "{\"cause\":\"herniatedDisc\",\"flare\":nulsecret,\"painSensitivity\":\"low\",\"painIntensity\":3}") + "\n");
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  file: people.jsonl\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));

        var act = () => study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out") });

        var errors = (await act.Should().ThrowAsync<StudyException>()).Which.Errors.Select(e => e.ToString()).ToList();
        errors.Should().HaveCount(4);
        errors.Should().SatisfyRespectively(
            e => e.Should().StartWith("people.jsonl:2: ").And.Contain("$.flare"),
            e => e.Should().StartWith("people.jsonl:3: ").And.Contain("$.painIntensity"),
            e => e.Should().StartWith("people.jsonl:4: ").And.Contain("$.symptoms[1]"),
            e => e.Should().StartWith("people.jsonl:5: ").And.Contain("invalid JSON"));
        errors.Should().AllSatisfy(e => e.Should().NotContainAny("secret", "4.25", "'tingling'"));
    }

    [Theory]
    [InlineData("people.jsonl", "")]
    [InlineData("people.csv", "cause,flare,painSensitivity,painIntensity\n")]
    public async Task Run_PopulationFileWithNoProfiles_IsAnError_NotAnEmptyStudy(string name, string text)
    {
        // An empty export, or the wrong file: a study of no one would report 0.0 % of everything and exit 0.
        _folder.Write(name, text);
        var study = Study.Load(_folder.Write("study.yaml", $"population:\n  file: {name}\nvariants:\n  - {{ name: default, rules: [\"@default\"] }}\n"));

        var act = () => study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out") });

        (await act.Should().ThrowAsync<StudyException>()).Which.Errors.Single().ToString().Should().Be($"{name}: the population file holds no profiles");
        Directory.GetFiles(_folder.PathOf("out")).Should().BeEmpty();
    }

    [Fact]
    public async Task Run_CancelledBeforeItStarts_LeavesNoFileBehind()
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));

        var act = () => study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out") }, null, new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        Directory.GetFiles(_folder.PathOf("out")).Should().BeEmpty("a cancelled run removes its .partial files");
    }

    [Fact]
    public async Task Run_OutputThatWouldReplaceTheStudysOwnInput_IsRefused_AndTheInputIsKept()
    {
        const string People = "cause,flare,painSensitivity,painIntensity\nherniatedDisc,acute,high,8\n";
        _folder.Write("advice.csv", People);
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  file: advice.csv\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));

        var act = () => study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.Root, Format = StudyFormat.Csv });

        (await act.Should().ThrowAsync<StudyException>()).Which.Errors.Single().Message.Should().Contain("advice.csv").And.Contain("input");
        File.ReadAllText(_folder.PathOf("advice.csv")).Should().Be(People, "a run never replaces the population it reads");
        Directory.GetFiles(_folder.Root, "*.partial").Should().BeEmpty();
    }

    [Fact]
    public async Task Run_OutputReachingTheStudysInputThroughALink_IsRefused_AndTheInputIsKept()
    {
        const string People = "cause,flare,painSensitivity,painIntensity\nherniatedDisc,acute,high,8\n";
        _folder.Write("advice.csv", People);
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  file: advice.csv\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));
        var link = _folder.PathOf("results");
        Directory.CreateSymbolicLink(link, _folder.Root);

        var act = () => study.RunAsync(new StudyRunOptions { OutputDirectory = link, Format = StudyFormat.Csv });

        (await act.Should().ThrowAsync<StudyException>()).Which.Errors.Single().Message.Should().Contain("advice.csv").And.Contain("input");
        File.ReadAllText(_folder.PathOf("advice.csv")).Should().Be(People, "a run never replaces the population it reads, by whatever path");
        Directory.GetFiles(_folder.Root, "*.partial").Should().BeEmpty();
    }

    [Fact]
    public async Task Run_WhoseReportsCannotBeWritten_LeavesThePreviousRunsFilesAsTheyWere()
    {
        var output = _folder.PathOf("out");
        await Study.Load(_folder.Write("study.yaml", GridStudy)).RunAsync(new StudyRunOptions { OutputDirectory = output });
        var before = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        // A second study into the same folder, with a third variant whose chart cannot be written: a folder is in its way.
        var second = Study.Load(_folder.Write("second.yaml", GridStudy + "\n  - name: third\n    rules: [\"@default\"]\n    settings: { cautionPenalty: 5 }\n"));
        Directory.CreateDirectory(Path.Combine(output, "by-factor-status-third.png"));
        Directory.CreateDirectory(Path.Combine(output, "by-factor-status-third.png.partial"));
        var act = () => second.RunAsync(new StudyRunOptions { OutputDirectory = output });

        (await act.Should().ThrowAsync<StudyException>()).Which.Errors.Single().Message.Should().StartWith("the output cannot be written");
        Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes).Should().BeEquivalentTo(before,
            "the rows, provenance and reports of a run appear together or not at all: no new rows beside the old summary");
    }

    [Fact]
    public async Task Sensitivity_OfTheFirstProfilesOfAGrid_IsTheExactGridsForEveryFactor_NumbersSetsAndNotGivenToo()
    {
        // A grid too large to keep every combination's outcome falls back to advising its first profiles again with
        // one factor changed; given every profile of a small grid, that must count what the exact comparison counts.
        var study = Study.Load(_folder.Write("study.yaml", GridStudy.Replace("    clinicianApproved: [true, false]", "    clinicianApproved: [true, false]\n    weeksInTreatment: [0, 4]", StringComparison.Ordinal)
            .Replace("    symptomWeeks: 6", "", StringComparison.Ordinal).Replace("    symptoms:", "    symptomWeeks: [null, 12]\n    symptoms:", StringComparison.Ordinal)));
        var grid = (GridPopulation)study.Population;
        var profiles = grid.Read(_ => { }, CancellationToken.None).Select(m => m.Profile).ToList();
        await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out") });
        var exact = File.ReadAllLines(_folder.PathOf("out/sensitivity.md"));

        var cells = Sensitivity.OfProfiles(profiles, study.Compiled, StudyFactor.Of(grid));

        cells.Select(c => c.Factor).Distinct().Should().Equal(grid.Factors.Select(f => f.Field.Name));
        cells.Should().OnlyContain(c => c.Profiles > 0);
        foreach (var cell in cells)
        {
            exact.Should().Contain($"| {cell.Factor} | {cell.ToValue} | {cell.Profiles} | {Percent(cell.TopStyleChanged, cell.Profiles)} | {Percent(cell.StatusChanged, cell.Profiles)} | {Percent(cell.EitherChanged, cell.Profiles)} |");
        }

        static string Percent(long count, long total) => (100.0 * count / total).ToString("0.0", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Run_Sample_IsTheSampleCommandsPopulation()
    {
        var study = Study.Load(_folder.Write("study.yaml", "population:\n  sample: { count: 300, seed: 42 }\nvariants:\n  - { name: default, rules: [\"@default\"] }\n"));
        var csv = (await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("out"), Format = StudyFormat.Csv })).Files[0];
        var sampler = new Populations.ProfileSampler(new Random(42));
        var expected = Enumerable.Range(0, 300).Select(_ => Populations.ProfileCsv.Row(sampler.Next())).ToList();
        var columns = ProfileFields.All.Select(f => f.Name).ToList();

        var rows = _duck.Rows($"SELECT {string.Join(", ", columns.Select(c => $"coalesce(\"{c}\", '')"))} FROM read_csv({DuckDb.Literal(csv)}, header = true, all_varchar = true) ORDER BY CAST(profile AS BIGINT)");
        rows.Select(r => string.Join(",", r)).Should().Equal(expected);
        File.ReadAllText(_folder.PathOf("out/sensitivity.md")).Should().Contain("The first 1000 profiles");
    }

    [Fact]
    public async Task Run_TheQueriesOfTheDocs_RunOnTheOutput()
    {
        var study = Study.Load(_folder.Write("study.yaml", GridStudy));
        await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("results"), WriteReports = false });
        for (var k = 1; k <= 2; k++)
        {
            await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("results"), Shard = new StudyShard(k, 2) });
        }

        var docs = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "studies.md"));
        var queries = System.Text.RegularExpressions.Regex.Matches(docs, "```sql\n(.*?)```", System.Text.RegularExpressions.RegexOptions.Singleline)
            .SelectMany(m => m.Groups[1].Value.Split(";\n", StringSplitOptions.RemoveEmptyEntries))
            .Select(q => string.Join("\n", q.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal))).Trim())
            .Where(q => q.Length > 0)
            .Select(q => q.Replace("'results/", DuckDb.Literal(_folder.PathOf("results")).TrimEnd('\'') + "/", StringComparison.Ordinal)
                .Replace("-of-16", "-of-2", StringComparison.Ordinal)
                .Replace("variant = 'clinic'", "variant = 'harsh-caution'", StringComparison.Ordinal))
            .ToList();

        queries.Should().HaveCountGreaterThan(5);
        foreach (var query in queries)
        {
            var act = () => _duck.Rows(query);
            act.Should().NotThrow(query);
        }
    }

    private static bool Faults(Advisor advisor, SymptomProfile profile)
    {
        try
        {
            advisor.Advise(profile);
            return false;
        }
        catch (Rules.RuleSetFaultException)
        {
            return true;
        }
    }

    private long RowGroups(string parquet) =>
        Convert.ToInt64(_duck.Scalar($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({DuckDb.Literal(parquet)})"), CultureInfo.InvariantCulture);

    /// <summary>Runs the study to Parquet and to CSV and checks, with DuckDB, that they hold the same rows cell for cell; returns the Parquet file.</summary>
    private async Task<string> ParquetEqualsCsvAsync(Study study, int rowGroupSize)
    {
        var parquet = (await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("p"), RowGroupSize = rowGroupSize, WriteReports = false })).Files[0];
        var csv = (await study.RunAsync(new StudyRunOptions { OutputDirectory = _folder.PathOf("c"), Format = StudyFormat.Csv, WriteReports = false })).Files[0];
        _duck.Execute($"CREATE OR REPLACE TABLE p AS SELECT * FROM {DuckDb.Literal(parquet)}");
        _duck.Execute($"CREATE OR REPLACE TABLE c AS SELECT * FROM read_csv({DuckDb.Literal(csv)}, header = true, all_varchar = true)");
        var columns = _duck.Rows("DESCRIBE p").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

        _duck.Scalar("SELECT count(*) FROM c").Should().Be(_duck.Scalar("SELECT count(*) FROM p"));
        _duck.Rows("DESCRIBE c").Select(r => (string)r[0]!).Should().Equal(columns.Select(c => c.Item1));
        foreach (var (name, type) in columns)
        {
            var cell = type == "VARCHAR" ? $"coalesce(c.\"{name}\", '')" : $"TRY_CAST(c.\"{name}\" AS {type})";
            var left = type == "VARCHAR" ? $"coalesce(p.\"{name}\", '')" : $"p.\"{name}\"";
            var differing = _duck.Scalar($"""
                SELECT count(*) FROM p JOIN c ON p.variant = c.variant AND p.profile = CAST(c.profile AS BIGINT)
                WHERE {left} IS DISTINCT FROM {cell}
                """);
            differing.Should().Be(0L, $"column {name} ({type}) should match");
        }

        return parquet;
    }

    /// <summary>The columns that hold a row's advice, and last its fault.</summary>
    private static List<string> AdviceColumns()
    {
        var columns = new List<string> { "status", "topStyle", "styles", "currentPhase", "referralUrgency", "firedRules", "adjunctCount", "noteCount" };
        columns.AddRange(Enum.GetValues<MassageStyle>().SelectMany(s => new[] { "Rank", "Score", "Pressure", "Contraindication" }.Select(c => Camel(s.ToString()) + c)));
        columns.Add("fault");
        return columns;
    }

    /// <summary>The cells of <see cref="AdviceColumns"/> an advice should give, computed from the advice alone.</summary>
    private static List<object?> ExpectedCells(MassageAdvice advice)
    {
        var expected = new List<object?>
        {
            Camel(advice.Status.ToString()),
            advice.Styles.IsEmpty ? null : Camel(advice.Styles[0].Style.ToString()),
            string.Join(";", advice.Styles.Select(s => Camel(s.Style.ToString()))),
            advice.Plan is { } plan ? Camel(plan.CurrentPhase.ToString()) : null,
            advice.Referral is { } referral ? Camel(referral.Urgency.ToString()) : null,
            string.Join(";", advice.Trace.Select(t => t.RuleId)),
            advice.Adjuncts.Length,
            advice.Notes.Length,
        };
        foreach (var style in Enum.GetValues<MassageStyle>())
        {
            var recommended = advice.Styles.FirstOrDefault(s => s.Style == style);
            var contraindication = advice.Contraindications.FirstOrDefault(c => c.Style == style);
            expected.AddRange([recommended?.Rank, recommended?.Score, recommended is null ? null : Camel(recommended.Pressure.ToString()), contraindication is null ? null : Camel(contraindication.Level.ToString())]);
        }

        expected.Add(null);
        return expected;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
