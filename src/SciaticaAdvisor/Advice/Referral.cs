using System.Collections.Immutable;

namespace SciaticaAdvisor.Advice;

/// <summary>Who to see, how soon and why.</summary>
public sealed record Referral
{
    /// <summary>The most urgent urgency any rule gave.</summary>
    public required ReferralUrgency Urgency { get; init; }

    /// <summary>Every reason any referring rule gave, in firing order.</summary>
    public required ImmutableArray<string> Reasons { get; init; }

    /// <summary>The rules that referred, in firing order.</summary>
    public required ImmutableArray<string> RuleIds { get; init; }
}
