namespace SciaticaAdvisor.Engine;

/// <summary>The parts one compiled rule set's advices share (<see cref="SharedArrays{T}"/>, <see cref="SharedJoins"/>): one per rule set, thread-safe.</summary>
/// <remarks>
/// A trace is not shared as a whole: it is as particular as the input class (nearly every first-seen
/// class fires its own sequence), so only its entries are, one per rule (<c>RuleDefinition.TraceEntry</c>).
/// </remarks>
internal sealed class AdviceParts
{
    /// <summary>Rule ids, notes and referral reasons.</summary>
    public SharedArrays<string> Strings { get; } = new();

    /// <summary>A style's rationales, joined with a space.</summary>
    public SharedJoins Rationales { get; } = new(" ");

    /// <summary>A contraindication's or an adjunct's reasons, joined with <c>; </c> as the contract says.</summary>
    public SharedJoins Reasons { get; } = new("; ");
}
