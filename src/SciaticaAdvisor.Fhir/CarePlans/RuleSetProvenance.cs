using Hl7.Fhir.Model;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Fhir.Intake;

namespace SciaticaAdvisor.Fhir.CarePlans;

/// <summary>
/// The <see cref="Provenance"/> of a care plan: the rule set as a contained <see cref="Library"/>
/// (title = name, version, identifier = sha256), each layer likewise, and every fired rule as an
/// entity, in firing order.
/// </summary>
internal static class RuleSetProvenance
{
    /// <summary>The identifier system of a rule set's sha256 (lowercase hex, as the advice's <c>ruleSet.sha256</c>).</summary>
    public const string Sha256System = FhirUrls.ProjectBase + "/rule-set-sha256";

    /// <summary>The identifier system of a rule's id (<c>acute-flare-no-deep-tissue</c>).</summary>
    public const string RuleIdSystem = FhirUrls.ProjectBase + "/rule-id";

    public static Provenance Of(MassageAdvice advice, IEnumerable<string> targets, DateTimeOffset recorded)
    {
        var provenance = new Provenance
        {
            Target = [.. targets.Select(t => new ResourceReference(t))],
            Recorded = recorded,
            Activity = new CodeableConcept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "CREATE", "create"),
            Agent =
            [
                new Provenance.AgentComponent
                {
                    Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler"),
                    Who = new ResourceReference { Display = "SciaticaAdvisor " + typeof(Advisor).Assembly.GetName().Version?.ToString(3) },
                },
            ],
        };
        AddRuleSet(provenance, advice.RuleSet, "rule-set");
        var layers = advice.RuleSet.Layers ?? [];
        for (var i = 0; i < layers.Length; i++)
        {
            AddRuleSet(provenance, layers[i], $"rule-set-layer-{i + 1}");
        }

        foreach (var fired in advice.Trace)
        {
            provenance.Entity.Add(new Provenance.EntityComponent
            {
                Role = Provenance.ProvenanceEntityRole.Source,
                What = new ResourceReference { Identifier = new Identifier(RuleIdSystem, fired.RuleId), Display = fired.Name },
            });
        }

        return provenance;
    }

    /// <summary>The rule set's name as FHIR wants a Library's <c>name</c> (lib-0): <c>sciatica-massage</c> → <c>SciaticaMassage</c>.</summary>
    private static string MachineName(string name)
    {
        var words = name.Split((char[])[.. name.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return joined.Length > 0 && char.IsAsciiLetterUpper(joined[0]) ? joined[..Math.Min(joined.Length, 255)] : "RuleSet" + joined[..Math.Min(joined.Length, 248)];
    }

    private static void AddRuleSet(Provenance provenance, RuleSetInfo ruleSet, string id)
    {
        provenance.Contained.Add(new Library
        {
            Id = id,
            Name = MachineName(ruleSet.Name),
            Title = ruleSet.Name,
            Version = ruleSet.Version,
            Identifier = [new Identifier(Sha256System, ruleSet.Sha256)],
            Status = PublicationStatus.Active,
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/library-type", "logic-library", "Logic Library"),
        });
        provenance.Entity.Add(new Provenance.EntityComponent
        {
            Role = Provenance.ProvenanceEntityRole.Source,
            What = new ResourceReference("#" + id, $"Rule set {ruleSet.Name} {ruleSet.Version}"),
        });
    }
}
