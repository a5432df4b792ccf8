using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Tests.Rules;

public class LayeringTests
{
    private static Advisor Layered(string overlay) => new AdvisorBuilder()
        .AddRules(RuleText.With(""), "base.yaml")
        .AddRules(overlay, "clinic.yaml")
        .Build();

    [Fact]
    public void Overlay_AddsRules()
    {
        var advice = Layered("name: clinic\nversion: 2\nrules:\n  - { id: clinic-note, name: Clinic note, guidance: G7.5, then: [ { note: bring a towel } ] }\n")
            .Advise(RuleText.Profile());

        advice.Notes.Should().Contain("bring a towel");
    }

    [Fact]
    public void Overlay_DisablesRulesById() =>
        Layered("name: clinic\nversion: 2\ndisable: [base-reflexology]\nrules: []\n")
            .Advise(RuleText.Profile()).Styles.Should().NotContain(s => s.Style == MassageStyle.Reflexology);

    [Fact]
    public void Overlay_ReplacesRulesById()
    {
        var advice = Layered("name: clinic\nversion: 2\nrules:\n  - { id: base-reflexology, replace: true, name: Reflexology first, guidance: G8, then: [ { recommend: { style: reflexology, score: 99 } } ] }\n")
            .Advise(RuleText.Profile());

        advice.Styles[0].Style.Should().Be(MassageStyle.Reflexology);
        advice.Trace.Single(t => t.RuleId == "base-reflexology").Name.Should().Be("Reflexology first");
    }

    [Fact]
    public void Overlay_ReusingAnIdWithoutReplace_IsAnError()
    {
        var act = () => Layered("name: clinic\nversion: 2\nrules:\n  - { id: base-phase, name: Again, guidance: G10.1, then: [ { phase: intensive } ] }\n");

        act.Should().Throw<RuleSetException>().Which.Errors.Should().Contain(e => e.Source == "clinic.yaml" && e.Message.Contains("already used in base.yaml"));
    }

    [Fact]
    public void Overlay_DisablingAnUnknownId_IsAnError()
    {
        var act = () => Layered("name: clinic\nversion: 2\ndisable: [no-such-rule]\nrules: []\n");

        act.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle(e => e.Message.Contains("no-such-rule"))
            .Which.Should().Match<RuleSetError>(e => e.Source == "clinic.yaml" && e.Line == 3 && e.Column == 11, "the error points at the id in the file");
    }

    [Fact]
    public void Overlay_DisablingAnIdTwice_IsAnErrorAtTheSecond()
    {
        var act = () => Layered("name: clinic\nversion: 2\ndisable:\n  - base-reflexology\n  - base-reflexology\nrules: []\n");

        act.Should().Throw<RuleSetException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<RuleSetError>(e => e.Line == 5 && e.Message == "'disable' lists the rule 'base-reflexology' twice");
    }

    [Fact]
    public void Provenance_NamesEveryLayer()
    {
        var info = Layered("name: clinic\nversion: 2\nrules: []\n").RuleSet;

        info.Name.Should().Be("clinic");
        info.Layers!.Value.Select(l => l.Name).Should().Equal("test-rules", "clinic");
    }
}
