namespace SciaticaAdvisor.Cli.Comparing;

/// <summary>The ways an advice can change between two rule sets, in the order the report lists them.</summary>
internal enum ChangeKind
{
    /// <summary>The status changed: from and to.</summary>
    Status,

    /// <summary>The top style changed (or appeared, or went): from and to, <c>none</c> for no style.</summary>
    TopStyle,

    /// <summary>A style:level contraindication the second rule set gives and the first does not.</summary>
    ContraindicationAdded,

    /// <summary>A style:level contraindication the first rule set gives and the second does not.</summary>
    ContraindicationRemoved,

    /// <summary>The plan's current phase changed: from and to, <c>none</c> for no plan.</summary>
    Phase,

    /// <summary>The referral's urgency changed: from and to, <c>none</c> for no referral.</summary>
    ReferralUrgency,

    /// <summary>Something else changed: scores, ranks, pressure, focus, adjuncts, notes, reasons.</summary>
    Other,
}
