using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>A rule's action threw as the rule fired: names that rule, whichever NRules rule it fired under.</summary>
/// <remarks>
/// NRules names the NRules rule whose action threw, which is the first rule of a merged run, or the
/// rule whose firing fired a deferred run first (<see cref="RuleModelBuilder.Groups"/>); a deferred
/// run fired after the session is done is not wrapped at all. <see cref="RuleFiring"/> therefore
/// wraps each rule's actions itself, and <see cref="SessionPool"/> takes this exception out of
/// NRules' wrapping, so a caller sees the rule that failed and no NRules type. The message names
/// the rule and where it is written, never the profile.
/// </remarks>
internal sealed class RuleFiringException : InvalidOperationException
{
    public RuleFiringException(RuleDefinition rule, Exception inner)
        : base($"Rule '{rule.Id}' ({rule.Source}:{rule.Line}:{rule.Column}) failed as it fired: {inner.Message}", inner)
    {
        RuleId = rule.Id;
    }

    /// <summary>The id of the rule whose action threw.</summary>
    public string RuleId { get; }
}
