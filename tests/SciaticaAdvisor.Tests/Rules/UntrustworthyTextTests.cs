using System.Text;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Tests.Rules;

/// <summary>Rule text that is not what it seems: bytes that are not UTF-8, and control characters that rewrite a terminal.</summary>
public sealed class UntrustworthyTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sciatica-text-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RuleSetException Refused(string yaml)
    {
        var act = () => new AdvisorBuilder().AddRules(yaml, "hostile.yaml").Build();
        return act.Should().Throw<RuleSetException>().Which;
    }

    private static string File(string name, string version = "1.0.0", string id = "a", string reason = "not now", string note = "rest") => $"""
        name: "{name}"
        version: "{version}"
        rules:
          - id: "{id}"
            name: A
            guidance: G8
            then:
              - recommend: {"{"} style: relaxation, score: 10, rationale: calm {"}"}
              - contraindicate: {"{"} style: deepTissue, level: avoid, reason: "{reason}" {"}"}
              - note: "{note}"
              - phase: maintenance

        """;

    [Fact]
    public void RuleFile_WithInvalidUtf8_IsALoadErrorAtItsPosition_NotAReplacementCharacter()
    {
        var path = Path.Combine(_folder, "bad.yaml");
        var good = Encoding.UTF8.GetBytes(File("clinic"));
        var bad = good.ToArray();
        bad[Array.IndexOf(bad, (byte)'c')] = 0xFF;
        System.IO.File.WriteAllBytes(path, bad);

        var act = () => new AdvisorBuilder().AddRuleFile(path).Build();

        var error = act.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle().Subject;
        (error.Line, error.Column).Should().Be((1, 8));
        error.Message.Should().Contain("not valid UTF-8: byte 0xFF");
    }

    [Theory]
    [InlineData("name", "\\e[2J")]
    [InlineData("name", "a\\0b")]
    [InlineData("name", "line\\nbreak")]
    [InlineData("version", "1.0\\r")]
    [InlineData("reason", "\\e]0;owned\\a")]
    [InlineData("note", "bell\\a")]
    public void ControlCharacters_InNamesVersionsReasonsAndNotes_AreRefused(string where, string value)
    {
        var yaml = where switch
        {
            "name" => File(value),
            "version" => File("clinic", version: value),
            "reason" => File("clinic", reason: value),
            _ => File("clinic", note: value),
        };

        Refused(yaml).Errors.Should().ContainSingle().Which.Message.Should().Contain("must not hold control characters");
    }

    [Fact]
    public void RuleId_WithControlCharacters_IsRefused_WithoutEchoingThem()
    {
        var error = Refused(File("clinic", id: "a\\e[31mred")).Errors.Should().ContainSingle().Subject;

        error.Message.Should().Be("id must not hold control characters; found U+001B at character 2");
        error.ToString().Should().NotContainAny("\u001b", "\n");
    }

    [Fact]
    public void AnErrorThatQuotesInput_EscapesItsControlCharacters()
    {
        var error = Refused(File("clinic").Replace("rules:", "\"k\\e[2J\\u202Eevil\": 1\nrules:", StringComparison.Ordinal)).Errors.Should().ContainSingle().Subject;

        error.Message.Should().StartWith("unknown key 'k\\u001b[2J\\u202eevil' in a rule file");
        error.ToString().Should().NotContainAny("\u001b", "\u202e");
    }

    [Fact]
    public void ADescriptionMayBreakLines_ButNotHoldEscapes()
    {
        var described = File("clinic").Replace("rules:", "description: >\n  one\n\n  two\nrules:", StringComparison.Ordinal);
        new AdvisorBuilder().AddRules(described, "ok.yaml").Build().RuleSet.Name.Should().Be("clinic");

        Refused(File("clinic").Replace("rules:", "description: \"a\\e[2Jb\"\nrules:", StringComparison.Ordinal))
            .Errors.Should().ContainSingle().Which.Message.Should().Contain("description must not hold control characters");
    }
}
