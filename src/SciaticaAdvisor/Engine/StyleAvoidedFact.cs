using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>Asserted once per style the first time a rule avoids it, so rules can react to what is left.</summary>
/// <remarks>A class with reference identity, not a record, for the reason <see cref="DerivedFact"/> gives.</remarks>
internal sealed class StyleAvoidedFact(MassageStyle style, AdviceSheet owner)
{
    public MassageStyle Style { get; } = style;

    /// <summary>The sheet of the profile whose style it is: rules join on it, so one session can advise several profiles.</summary>
    public AdviceSheet Owner { get; } = owner;
}
