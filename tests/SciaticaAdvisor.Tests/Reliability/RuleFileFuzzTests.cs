using FsCheck.Xunit;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Tests.Reliability.Fuzzing;

namespace SciaticaAdvisor.Tests.Reliability;

/// <summary>
/// Rule-file fuzzing: whatever a rule file holds, <see cref="AdvisorBuilder.Build"/> ends, within a
/// timeout, in an advisor with every rule of the file or in a <see cref="RuleSetException"/> whose
/// errors have positions and messages; never another exception. The long run is
/// <c>tests/fuzz/run-profiles.sh --rules-files N</c>.
/// </summary>
public class RuleFileFuzzTests
{
    /// <summary>The built-in rule set's text, from the repository, so the mutations start from the real rules' shapes.</summary>
    private static readonly Lazy<string> DefaultRuleText = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "rules", "sciatica-massage.yaml")))
        {
            directory = directory.Parent;
        }

        return directory is null ? FuzzRuleSet.Text : File.ReadAllText(Path.Combine(directory.FullName, "rules", "sciatica-massage.yaml"));
    });

    private static void Check(string yaml)
    {
        var verdict = FuzzOracle.CheckRules(yaml, FuzzOracle.Probes);
        verdict.Violation.Should().BeNull("rule file:\n{0}", yaml.Length > 3000 ? yaml[..3000] + "…" : yaml);
    }

    private static RuleSetError[] Errors(string yaml)
    {
        var act = () => new AdvisorBuilder().AddRules(yaml, "fuzz.yaml").Build();
        return [.. act.Should().Throw<RuleSetException>().Which.Errors];
    }

    [Property(MaxTest = 250)]
    public void MutatedRuleFile_LoadsWhole_OrIsRejectedWithPositions(int seed) => Check(RuleMutator.Mutated(new Random(seed)));

    [Property(MaxTest = 100)]
    public void MutatedDefaultRuleFile_LoadsWhole_OrIsRejectedWithPositions(int seed) => Check(RuleMutator.Mutated(new Random(seed), DefaultRuleText.Value));

    [Property(MaxTest = 100)]
    public void ArbitraryText_AsRuleFile_IsRejectedWithPositions(string text) => Check(text ?? "");

    [Fact]
    public void TheFuzzRuleSet_Loads() => FuzzOracle.CheckRules(FuzzRuleSet.Text, FuzzOracle.Probes).Should().Be(new FuzzVerdict("loaded"));

    [Theory]
    [InlineData("!!System.Diagnostics.Process")]
    [InlineData("!<tag:yaml.org,2002:str>")]
    [InlineData("!!python/object/apply:os.system")]
    public void TypeTags_AreRefused_Anywhere(string tag)
    {
        var yaml = FuzzRuleSet.Text.Replace("name: fuzz-rules", $"name: {tag} fuzz-rules", StringComparison.Ordinal);

        Errors(yaml).Should().ContainSingle().Which.Message.Should().Contain("tags are not allowed");
    }

    [Fact]
    public void AliasBomb_IsRefusedAtTheFirstAnchor() =>
        Errors(RuleMutator.AliasBomb(9)).Should().ContainSingle().Which.Should().Match<RuleSetError>(e => e.Line == 1 && e.Message.Contains("anchors are not allowed"));

    [Fact]
    public void TenThousandRules_AreRefusedByTheLimit() =>
        Errors(RuleMutator.ManyRules(10_000)).Should().ContainSingle().Which.Message.Should().Contain("at most 2000");

    [Fact]
    public void TwoThousandRules_Load()
    {
        var advisor = new AdvisorBuilder().AddRules(RuleMutator.ManyRules(2000), "many.yaml").Build();

        advisor.Rules.Should().HaveCount(2000);
    }

    [Theory]
    [InlineData(65)]
    [InlineData(100_000)]
    public void DeepNesting_IsRefusedWithoutRecursion(int depth)
    {
        var yaml = "name: x\nversion: 1\nrules: " + new string('[', depth) + new string(']', depth) + "\n";

        Errors(yaml).Should().ContainSingle().Which.Message.Should().Contain("nested more than 64 deep");
    }

    [Fact]
    public void DeepFlowMappings_AreRefusedWithoutRecursion()
    {
        const int Depth = 100_000;
        var yaml = "name: x\nversion: 1\nrules: " + string.Concat(Enumerable.Repeat("{a: ", Depth)) + "1" + new string('}', Depth) + "\n";

        Errors(yaml).Should().ContainSingle().Which.Message.Should().Contain("nested more than 64 deep");
    }

    [Fact]
    public void HugeScalar_IsRefused() =>
        Errors(FuzzRuleSet.Text.Replace("name: Shiatsu baseline", "name: " + new string('x', 2001), StringComparison.Ordinal))
            .Should().ContainSingle().Which.Message.Should().Contain("at most 2000");

    [Fact]
    public void FileOverOneMebibyte_IsRefused() =>
        Errors(FuzzRuleSet.Text + "\n#" + new string('x', 1024 * 1024)).Should().ContainSingle().Which.Line.Should().Be(0);

    [Fact]
    public void DuplicateKey_IsRefusedWithItsPosition()
    {
        var yaml = FuzzRuleSet.Text.Replace("version: 1.0.0\n", "version: 1.0.0\nversion: 2.0.0\n", StringComparison.Ordinal);

        Errors(yaml).Should().ContainSingle().Which.Should().Match<RuleSetError>(e => e.Line == 3 && e.Message.Contains("given twice"));
    }

    [Fact]
    public void ByteOrderMark_AndCrLf_LoadTheSameRules_WithTheSameHash()
    {
        var plain = FuzzRuleSet.Build();
        var windows = new AdvisorBuilder().AddRules("\uFEFF" + FuzzRuleSet.Text.Replace("\n", "\r\n", StringComparison.Ordinal), "w.yaml").Build();

        windows.Rules.Select(r => r.Id).Should().Equal(plain.Rules.Select(r => r.Id));
        windows.RuleSet.Sha256.Should().Be(plain.RuleSet.Sha256);
    }

    [Theory]
    [InlineData("a: [ { b: c\n- d")]
    [InlineData("name: x\nversion: 1\nrules:\n  - { id: a, name: A, guidance: G1, then: [ { phase: mainte\n  - { id: b }\n")]
    public void UnclosedFlowCollectionBeforeABlockEntry_IsALoadError(string yaml)
    {
        // Regression: YamlDotNet's scanner throws InvalidOperationException here, which escaped Build.
        var error = Errors(yaml).Should().ContainSingle().Subject;

        error.Message.Should().StartWith("invalid YAML");
        error.Line.Should().BeGreaterThan(0);
    }

    [Fact]
    public void BrokenUpperLayer_LoadsNoLayer()
    {
        var builder = new AdvisorBuilder().AddRules(FuzzRuleSet.Text, "base.yaml").AddRules("name: clinic\nversion: 1\nrules: [ { id: x } ]\n", "clinic.yaml");

        builder.Invoking(b => b.Build()).Should().Throw<RuleSetException>().Which.Errors.Should().OnlyContain(e => e.Source == "clinic.yaml");
    }

    [Fact]
    public void OneBadRuleAmongGoodOnes_LoadsNothing()
    {
        // No partial advisor: a file with one broken rule gives an exception, never the other rules.
        var yaml = FuzzRuleSet.Text.Replace("score: 22", "score: lots", StringComparison.Ordinal);

        Errors(yaml).Should().ContainSingle().Which.Line.Should().BeGreaterThan(0);
    }
}
