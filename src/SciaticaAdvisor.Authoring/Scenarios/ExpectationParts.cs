using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Scenarios;

/// <summary>A style must rank at <see cref="MaxRank"/> or better.</summary>
/// <param name="Style">The style.</param>
/// <param name="MaxRank">The worst rank allowed, 1-based.</param>
public sealed record RankLimit(MassageStyle Style, int MaxRank);

/// <summary>Two styles must both be advised, <see cref="Higher"/> ranking above <see cref="Lower"/>.</summary>
/// <param name="Higher">The style that must rank higher.</param>
/// <param name="Lower">The style that must rank lower.</param>
public sealed record RankOrder(MassageStyle Higher, MassageStyle Lower);

/// <summary>A style's contraindication level, or none (the style is not listed).</summary>
/// <param name="Style">The style.</param>
/// <param name="Level">The level, or <see langword="null"/> for none.</param>
public sealed record ExpectedContraindication(MassageStyle Style, ContraindicationLevel? Level);

/// <summary>A style's exact advised pressure.</summary>
/// <param name="Style">The style.</param>
/// <param name="Pressure">The pressure.</param>
public sealed record ExpectedPressure(MassageStyle Style, Pressure Pressure);

/// <summary>Focus areas a style's advice must include (it may have more).</summary>
/// <param name="Style">The style.</param>
/// <param name="Areas">The areas it must include.</param>
public sealed record ExpectedFocus(MassageStyle Style, System.Collections.Immutable.ImmutableArray<FocusArea> Areas);
