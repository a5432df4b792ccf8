namespace SciaticaAdvisor.Rules;

/// <summary>Thrown when a rule set produces advice that breaks an invariant of the guidance: a fault in the rules, never advice.</summary>
/// <remarks>The message names the rule set and the invariant, never the profile's content.</remarks>
public sealed class RuleSetFaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="ruleSet">The name and version of the rule set at fault.</param>
    /// <param name="fault">Which invariant broke and how.</param>
    public RuleSetFaultException(string ruleSet, string fault)
        : base($"Rule set '{ruleSet}' is at fault: {fault}")
    {
        RuleSet = ruleSet;
        Fault = fault;
    }

    /// <summary>The name and version of the rule set at fault.</summary>
    public string RuleSet { get; }

    /// <summary>Which invariant broke and how.</summary>
    public string Fault { get; }
}
