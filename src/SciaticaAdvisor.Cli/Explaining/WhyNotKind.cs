namespace SciaticaAdvisor.Cli.Explaining;

/// <summary>Why a massage style is missing from the advice, or lower in it than it would be.</summary>
internal enum WhyNotKind
{
    /// <summary>A rule said to avoid the style.</summary>
    Avoided,

    /// <summary>An emergency or urgent referral: no massage until a doctor has seen the person.</summary>
    Referral,

    /// <summary>No rule that fired recommended the style.</summary>
    NotRecommended,

    /// <summary>The style is advised, but a caution lowered its score.</summary>
    Lowered,
}
