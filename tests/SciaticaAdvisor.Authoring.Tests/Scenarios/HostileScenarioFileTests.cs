using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Tests.Scenarios;

/// <summary>Scenario files are read by the rule loader's iterative, limited YAML reader: no input overflows the stack.</summary>
public sealed class HostileScenarioFileTests
{
    private static ScenarioException Refused(string yaml)
    {
        var act = () => ScenarioFile.Parse(yaml, "hostile.yaml");
        return act.Should().Throw<ScenarioException>().Which;
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(200_000)]
    public void DeepNesting_IsAnErrorWithItsPosition_NotAStackOverflow(int depth)
    {
        // 200,000 levels used to kill the process with "Stack overflow."; 5,000 threw YamlDotNet's own exception.
        var error = Refused("scenarios:\n  - name: a\n    profile: " + new string('[', depth) + new string(']', depth) + "\n");

        error.Problem.Should().Be("the YAML is nested more than 64 deep");
        error.Line.Should().Be(3);
        error.Column.Should().BeGreaterThan(14);
    }

    [Fact]
    public void DeepFlowMappings_AreAnError()
    {
        var error = Refused("scenarios: " + string.Concat(Enumerable.Repeat("{a: ", 100_000)) + "b" + new string('}', 100_000) + "\n");

        error.Problem.Should().Contain("nested more than 64 deep");
    }

    [Fact]
    public void AnchorsTagsAndASecondDocument_AreErrors()
    {
        Refused("scenarios: &a [x]\n").Problem.Should().Be("YAML anchors are not allowed in a scenario file");
        Refused("scenarios: !!python/object [x]\n").Problem.Should().Be("YAML tags are not allowed in a scenario file");
        Refused("scenarios: []\n---\nscenarios: []\n").Problem.Should().Be("a scenario file holds one YAML document; found a second");
    }

    [Fact]
    public void MalformedYaml_IsAnErrorWithAPosition()
    {
        var error = Refused("scenarios:\n  - name: [unclosed\n");

        error.Line.Should().BeGreaterThan(0);
        error.Problem.Should().StartWith("invalid YAML");
    }

    [Fact]
    public void DuplicateKey_IsAnError() =>
        Refused("scenarios: []\nscenarios: []\n").Problem.Should().Be("the key 'scenarios' is given twice in one mapping");
}
