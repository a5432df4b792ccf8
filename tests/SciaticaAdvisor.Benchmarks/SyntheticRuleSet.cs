using System.Text;

namespace SciaticaAdvisor.Benchmarks;

/// <summary>Generates rule sets of a given size that look like clinical ones: a baseline per style, a phase rule, then rules over varied fields.</summary>
public static class SyntheticRuleSet
{
    private static readonly string[] Styles = ["shiatsu", "deepTissue", "lomiLomi", "relaxation", "reflexology"];
    private static readonly string[] Symptoms = ["lowerBackPain", "buttockPain", "radiatingLegPain", "tingling", "numbness", "legWeakness", "worseWhenSitting"];

    public static string Generate(int ruleCount)
    {
        var yaml = new StringBuilder($"name: synthetic-{ruleCount}\nversion: 1.0.0\nrules:\n");
        for (var i = 0; i < Styles.Length; i++)
        {
            yaml.Append($"  - {{ id: base-{i}, name: Baseline {i}, guidance: G8, then: [ {{ recommend: {{ style: {Styles[i]}, score: {50 - (i * 5)}, rationale: Baseline. }} }} ] }}\n");
        }

        yaml.Append("  - { id: acute-no-deep, name: Acute, guidance: G3.1, when: { flare: acute }, then: [ { contraindicate: { style: deepTissue, level: avoid, reason: flare } }, { capPressure: { max: light } } ] }\n");
        yaml.Append("  - { id: phase, name: Phase, guidance: G10.1, then: [ { phase: corrective } ] }\n");
        for (var i = 7; i < ruleCount; i++)
        {
            var style = Styles[i % Styles.Length];
            var when = (i % 4) switch
            {
                0 => $"{{ painIntensity: {{ atLeast: {i % 11} }} }}",
                1 => $"{{ symptoms: {{ any: [{Symptoms[i % Symptoms.Length]}] }} }}",
                2 => $"{{ all: [ {{ cause: [herniatedDisc, piriformisSyndrome] }}, {{ not: {{ painSensitivity: high }} }} ] }}",
                _ => $"{{ any: [ {{ symptomWeeks: {{ atLeast: {i % 52} }} }}, {{ redFlags: {{ empty: true }} }} ] }}",
            };
            yaml.Append($"  - {{ id: rule-{i}, name: Rule {i}, guidance: G6.1, when: {when}, then: [ {{ recommend: {{ style: {style}, score: {i % 7} }} }}, {{ focus: {{ styles: [{style}], areas: [gluteals] }} }} ] }}\n");
        }

        return yaml.ToString();
    }
}
