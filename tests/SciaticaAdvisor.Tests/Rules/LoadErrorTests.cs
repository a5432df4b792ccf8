using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Tests.Rules;

public class LoadErrorTests
{
    private static RuleSetError[] Errors(string yaml)
    {
        var act = () => new AdvisorBuilder().AddRules(yaml, "bad.yaml").Build();
        return [.. act.Should().Throw<RuleSetException>().Which.Errors];
    }

    private static void ExpectError(string yaml, int line, int column, string message) =>
        Errors(yaml).Should().Contain(e => e.Source == "bad.yaml" && e.Line == line && e.Column == column && e.Message.Contains(message),
            $"expected {line}:{column} '{message}'");

    private const string Header = "name: bad\nversion: 1\nrules:\n";

    [Fact]
    public void YamlSyntaxError_HasLineAndColumn() =>
        ExpectError(Header + "  - id: a\n    name: [unclosed\n", 6, 1, "invalid YAML");

    [Fact]
    public void MissingHeader_NamesWhatIsNeeded() =>
        Errors("rules: []").Select(e => e.Message).Should().Contain(m => m.Contains("needs 'name'")).And.Contain(m => m.Contains("needs 'version'"));

    [Fact]
    public void UnknownTopKey_IsAnError() => ExpectError("name: a\nversion: 1\nrulez: []\nrules: []", 3, 1, "unknown key 'rulez'");

    [Fact]
    public void UnknownField_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    when: { painLevel: 3 }\n    then: [ { note: x } ]\n", 7, 13, "unknown field or operator 'painLevel'");

    [Fact]
    public void UnknownEnumValue_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    when: { flare: acut }\n    then: [ { note: x } ]\n", 7, 20, "unknown value 'acut'; expected one of none, subsiding, acute");

    [Fact]
    public void WrongValueType_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    when: { painIntensity: { atLeast: four } }\n    then: [ { note: x } ]\n", 7, 39, "must be a whole number");

    [Fact]
    public void ComparisonOnASet_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    when: { symptoms: { atLeast: 2 } }\n    then: [ { note: x } ]\n", 7, 25, "unknown key 'atLeast'");

    [Fact]
    public void UnknownStyle_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    then: [ { recommend: { style: thai, score: 1 } } ]\n", 7, 35, "unknown value 'thai'");

    [Fact]
    public void UnknownAction_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    then: [ { execute: rm } ]\n", 7, 15, "unknown action 'execute'");

    [Fact]
    public void DuplicateRuleId_IsAnError() =>
        Errors(Header + "  - { id: a, name: A, guidance: G1, then: [ { note: x } ] }\n  - { id: a, name: B, guidance: G1, then: [ { note: y } ] }\n")
            .Should().Contain(e => e.Line == 5 && e.Message.Contains("used twice"));

    [Fact]
    public void DuplicateKey_IsAnError() =>
        ExpectError(Header + "  - id: a\n    id: b\n    name: A\n    guidance: G1\n    then: [ { note: x } ]\n", 5, 5, "given twice");

    [Fact]
    public void IdThatIsNotKebabCase_IsAnError() =>
        ExpectError(Header + "  - id: Acute_Flare\n    name: A\n    guidance: G1\n    then: [ { note: x } ]\n", 4, 9, "kebab-case");

    [Fact]
    public void GuidanceThatIsNotAnItem_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: see notes\n    then: [ { note: x } ]\n", 6, 15, "must name an item");

    [Fact]
    public void FactInsideAny_IsAnError() =>
        ExpectError(Header + "  - id: a\n    name: A\n    guidance: G1\n    when: { any: [ { fact: x }, { flare: acute } ] }\n    then: [ { note: x } ]\n", 7, 22, "can stand only at the top");

    [Fact]
    public void EveryErrorIsReported_NotJustTheFirst() =>
        Errors(Header + "  - id: a\n    name: A\n    guidance: G1\n    when: { flare: acut }\n    then: [ { recommend: { style: thai, score: 1 } } ]\n")
            .Should().HaveCountGreaterThanOrEqualTo(2);

    [Fact]
    public void MissingFile_IsARuleSetErrorNamingThePath()
    {
        var act = () => new AdvisorBuilder().AddRuleFile("/nonexistent/rules.yaml").Build();

        act.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<RuleSetError>(e => e.Source == "/nonexistent/rules.yaml" && e.Message.Contains("does not exist"));
    }

    [Fact]
    public void TooManyRules_IsAnError()
    {
        var rules = string.Concat(Enumerable.Range(0, 2001).Select(i => $"  - {{ id: r{i}, name: R, guidance: G1, then: [ {{ note: x }} ] }}\n"));

        Errors(Header + rules).Should().Contain(e => e.Message.Contains("at most 2000"));
    }

    [Fact]
    public void DeepConditions_AreAnError()
    {
        var when = string.Concat(Enumerable.Repeat("{ not: ", 20)) + "{ flare: acute }" + new string('}', 20);

        Errors(Header + $"  - id: a\n    name: A\n    guidance: G1\n    when: {when}\n    then: [ {{ note: x }} ]\n")
            .Should().Contain(e => e.Message.Contains("nested more than 16 deep"));
    }
}
