using SciaticaAdvisor.Studies;

namespace SciaticaAdvisor.Authoring.Tests.Studies;

/// <summary>Study files: what they accept, and every error with the line and column it is at.</summary>
public sealed class StudyFileTests : IDisposable
{
    private readonly StudyFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_Grid_CountsEveryCombination()
    {
        var study = Load("""
            population:
              grid:
                cause: [herniatedDisc, piriformisSyndrome]
                flare: [none, acute, subsiding]
                painSensitivity: [low]
                painIntensity: [3, 7]
                symptoms: [[], [tingling, numbness]]
            variants:
              - name: default
                rules: ["@default"]
            """);

        study.PopulationKind.Should().Be("grid");
        study.PopulationSize.Should().Be(2 * 3 * 1 * 2 * 2);
        study.Variants.Select(v => v.Name).Should().Equal("default");
        study.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Theory]
    [InlineData("flare", "    colour: [red]", 4, 5, "unknown profile field 'colour'")]
    [InlineData("flare", "    flare: [none, acut]", 4, 19, "unknown flare 'acut'; expected one of none, subsiding, acute")]
    [InlineData("painIntensity", "    painIntensity: [3, 11]", 6, 24, "'painIntensity' must be a whole number from 0 to 10")]
    [InlineData("flare", "    symptoms: [tingling]", 4, 15, "each grid value of the set 'symptoms' is a set itself")]
    [InlineData("flare", "    symptoms: [[tingling, tingling]]", 4, 27, "'tingling' is listed twice in one set")]
    [InlineData("flare", "    flare: [none, none]", 4, 19, "the grid lists 'none' twice")]
    [InlineData("flare", "    diagnosisConfirmed: [false]", 8, 5, "'diagnosisConfirmed' is both in the grid and fixed")]
    public void Load_BadGridValue_IsAnErrorAtItsLineAndColumn(string replaced, string line, int errorLine, int errorColumn, string message)
    {
        var lines = new[]
        {
            "population:",
            "  grid:",
            "    cause: [herniatedDisc]",
            "    flare: [none]",
            "    painSensitivity: [low]",
            "    painIntensity: [3]",
            "  fixed:",
            "    diagnosisConfirmed: true",
            "variants:",
            "  - name: default",
            "    rules: [\"@default\"]",
        }.Select(l => l.StartsWith($"    {replaced}:", StringComparison.Ordinal) ? line : l);

        var act = () => Load(string.Join("\n", lines) + "\n");

        var errors = act.Should().Throw<StudyException>().Which.Errors;
        errors.Should().Contain(e => e.Line == errorLine && e.Column == errorColumn && e.Message.Contains(message), string.Join("\n", errors));
    }

    [Fact]
    public void Load_EveryError_IsReportedAtOnce()
    {
        var act = () => Load("""
            population:
              grid:
                cause: [herniatedDisc]
              sampel: 3
            variants:
              - name: default
                rules: ["@default", "missing.yaml"]
                colour: blue
            """);

        var errors = act.Should().Throw<StudyException>().Which.Errors.Select(e => e.ToString()).ToList();
        errors.Should().Contain(e => e.Contains(":4:3: ") && e.Contains("sampel"));
        errors.Should().Contain(e => e.Contains(":7:25: ") && e.Contains("the rule file 'missing.yaml' does not exist"));
        errors.Should().Contain(e => e.Contains(":8:5: ") && e.Contains("colour"));
    }

    [Fact]
    public void Load_ErrorsInThePopulationAndInAVariantsRules_AreReportedTogether()
    {
        // As docs/studies.md shows them: a grid value and a variant's setting and rule file, in one run of sweep.
        _folder.Write("clinic.yaml", "name: clinic\nversion: 1\nrules:\n  - id: Bad Id\n    name: x\n    guidance: G3.1\n    when: {}\n    then: []\n");
        var act = () => Load("""
            population:
              grid:
                cause: [herniatedDisc]
                flare: [none, acut]
                painSensitivity: [low]
                painIntensity: [3]
            variants:
              - name: default
                rules: ["@default"]
              - name: clinic
                rules: ["@default", "clinic.yaml"]
              - name: strict
                rules: ["@default"]
                settings: { cautionPenalty: lots }
              - name: broken
                rules: ["@default", "missing.yaml"]
                disable: [a-rule-of-missing]
            """);

        var errors = act.Should().Throw<StudyException>().Which.Errors.Select(e => e.ToString()).ToList();
        errors.Should().Contain(e => e.Contains("study.yaml:4:19: unknown flare 'acut'"), string.Join("\n", errors));
        errors.Should().Contain(e => e.Contains("study.yaml:14:33: cautionPenalty must be a number"), string.Join("\n", errors));
        errors.Should().Contain(e => e.Contains("clinic.yaml:4:") && e.Contains("(in a layer of the variant 'clinic')"), string.Join("\n", errors));
        errors.Should().Contain(e => e.Contains("study.yaml:16:25: the rule file 'missing.yaml' does not exist"), string.Join("\n", errors));
        errors.Should().NotContain(e => e.Contains("a-rule-of-missing"), "a variant with an error of its own is not compiled as well, without the layer it names");
    }

    [Fact]
    public void Load_GridMissingARequiredField_NamesTheField()
    {
        var act = () => Load("""
            population:
              grid:
                cause: [herniatedDisc]
                flare: [none]
                painSensitivity: [low]
            variants:
              - name: default
                rules: ["@default"]
            """);

        act.Should().Throw<StudyException>().Which.Errors.Should().Contain(e => e.Line == 2 && e.Message.Contains("$.painIntensity"));
    }

    [Fact]
    public void Load_BadVariantSetting_IsAnErrorAtTheSettingInTheStudyFile()
    {
        var act = () => Load("""
            population:
              sample: { count: 10, seed: 1 }
            variants:
              - name: strict
                rules: ["@default"]
                settings:
                  cautionPenalty: lots
                  cautionPenaltee: 3
            """);

        var errors = act.Should().Throw<StudyException>().Which.Errors;
        errors.Should().Contain(e => e.Line == 7 && e.Column == 23 && e.Message.Contains("cautionPenalty must be a number"), string.Join("\n", errors));
        errors.Should().Contain(e => e.Line == 8 && e.Message.Contains("cautionPenaltee"), string.Join("\n", errors));
        errors.Should().OnlyContain(e => e.Source.EndsWith("study.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_DisablingAnUnknownRule_IsAnErrorAtTheId()
    {
        var act = () => Load("""
            population:
              sample: { count: 10, seed: 1 }
            variants:
              - name: fewer
                rules: ["@default"]
                disable: [no-such-rule]
            """);

        act.Should().Throw<StudyException>().Which.Errors.Should().Contain(e => e.Line == 6 && e.Column == 15 && e.Message.Contains("no-such-rule"));
    }

    [Fact]
    public void Load_RuleFileWithAnError_ReportsItInTheRuleFile()
    {
        _folder.Write("clinic.yaml", "name: clinic\nversion: 1\nrules:\n  - id: Bad Id\n    name: x\n    guidance: G1\n    then: [{ note: hi }]\n");
        var act = () => Load("""
            population:
              sample: { count: 10, seed: 1 }
            variants:
              - name: clinic
                rules: ["@default", "clinic.yaml"]
            """);

        act.Should().Throw<StudyException>().Which.Errors.Should().Contain(e => e.Source.EndsWith("clinic.yaml", StringComparison.Ordinal) && e.Line == 4);
    }

    [Theory]
    [InlineData("population:\n  sample: { count: 10 }\nvariants:\n  - { name: a, rules: [\"@default\"] }\n", 2, "seed")]
    [InlineData("population:\n  sample: { count: 10, seed: 1 }\n  file: p.jsonl\nvariants:\n  - { name: a, rules: [\"@default\"] }\n", 2, "exactly one of grid, sample or file")]
    [InlineData("population:\n  file: nowhere.jsonl\nvariants:\n  - { name: a, rules: [\"@default\"] }\n", 2, "does not exist")]
    [InlineData("population:\n  sample: { count: 10, seed: 1 }\nvariants:\n  - { name: a, rules: [\"@default\"] }\n  - { name: a, rules: [\"@default\"] }\n", 5, "used twice")]
    [InlineData("population:\n  sample: { count: 10, seed: 1 }\nvariants:\n  - { name: \"a/b\", rules: [\"@default\"] }\n", 4, "letters, digits")]
    [InlineData("population: &a\n  sample: { count: 10, seed: 1 }\nvariants: []\n", 1, "anchors")]
    [InlineData("population:\n  sample: { count: 10, seed: 1 }\nvariants:\n  - { name: a, rules: [\"@default\"], disable: [piriformis-deep-tissue-up, piriformis-deep-tissue-up] }\n", 4, "'disable' lists the rule 'piriformis-deep-tissue-up' twice")]
    [InlineData("population:\n  sample: { count: 10, seed: &s 1 }\nvariants:\n  - { name: a, rules: [\"@default\"] }\n", 2, "YAML anchors are not allowed in a study file")]
    public void Load_InvalidStudy_SaysWhereAndWhy(string yaml, int line, string message)
    {
        var act = () => Load(yaml);

        act.Should().Throw<StudyException>().Which.Errors.Should().Contain(e => e.Line == line && e.Message.Contains(message));
    }

    [Fact]
    public void Load_MissingStudyFile_IsAStudyError()
    {
        var act = () => Study.Load(_folder.PathOf("absent.yaml"));

        act.Should().Throw<StudyException>().Which.Errors.Single().Message.Should().Be("the study file does not exist");
    }

    [Fact]
    public void Load_StudyFileWithBadUtf8_NamesTheLineAndColumn_AsARuleFileWould()
    {
        var path = _folder.PathOf("broken.yaml");
        File.WriteAllBytes(path, [.. "population:\n  sample: { count: 1, seed: "u8, 0xC3, 0x28, .. " }\n"u8]);

        var act = () => Study.Load(path);

        act.Should().Throw<StudyException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<StudyError>(e => e.Line == 2 && e.Column == 29 && e.Message.StartsWith("the study file is not valid UTF-8: byte 0xC3", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_StudyFileOverTheBound_OrAFolder_IsRefusedBeforeParsing()
    {
        var large = _folder.PathOf("large.yaml");
        File.WriteAllBytes(large, new byte[Study.MaxFileBytes + 1]);

        var tooLarge = () => Study.Load(large);
        var folder = () => Study.Load(_folder.Root);

        tooLarge.Should().Throw<StudyException>().Which.Errors.Single().Message.Should().Be("the study file is larger than 1048576 bytes, the most allowed");
        folder.Should().Throw<StudyException>().Which.Errors.Single().Message.Should().Be("the study file is a directory");
    }

    private Study Load(string yaml) => Study.Load(_folder.Write("study.yaml", yaml));
}
