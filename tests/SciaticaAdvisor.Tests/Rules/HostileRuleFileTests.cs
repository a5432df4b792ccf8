using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Tests.Rules;

public class HostileRuleFileTests
{
    private static string[] Messages(string yaml)
    {
        var act = () => new AdvisorBuilder().AddRules(yaml, "hostile.yaml").Build();
        return [.. act.Should().Throw<RuleSetException>().Which.Errors.Select(e => e.Message)];
    }

    [Fact]
    public void ExpressionString_AsCondition_IsRejected() =>
        Messages("name: x\nversion: 1\nrules:\n  - { id: a, name: A, guidance: G1, when: \"p => System.IO.File.Delete(\\\"x\\\")\", then: [ { note: x } ] }\n")
            .Should().Contain(m => m.Contains("a condition must be a mapping"));

    [Fact]
    public void TypeNameTag_IsRejected() =>
        Messages("name: x\nversion: 1\nrules:\n  - !!System.Diagnostics.Process { id: a, name: A, guidance: G1, then: [ { note: x } ] }\n")
            .Should().Contain(m => m.Contains("tags are not allowed"));

    [Fact]
    public void AliasBomb_IsRejectedBeforeExpansion()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";

        Messages(bomb).Should().Contain(m => m.Contains("anchors are not allowed"));
    }

    [Fact]
    public void DeepYamlNesting_IsRejectedWithoutRecursion()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);

        Messages(deep).Should().ContainSingle().Which.Should().Contain("nested more than 64 deep");
    }

    [Fact]
    public void HugeScalar_IsRejected() =>
        Messages("name: " + new string('x', 5000) + "\nversion: 1\nrules: []\n").Should().Contain(m => m.Contains("at most 2000"));

    [Fact]
    public void MemberNameAsField_IsRejected() =>
        Messages("name: x\nversion: 1\nrules:\n  - { id: a, name: A, guidance: G1, when: { GetType: x }, then: [ { note: x } ] }\n")
            .Should().Contain(m => m.Contains("unknown field or operator 'GetType'"));

    [Fact]
    public void SecondDocument_IsRejected() =>
        Messages("name: x\nversion: 1\nrules: []\n---\nname: y\n").Should().Contain(m => m.Contains("second"));
}
