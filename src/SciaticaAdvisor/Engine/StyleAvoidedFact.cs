using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>Asserted once per style the first time a rule avoids it, so rules can react to what is left.</summary>
internal sealed record StyleAvoidedFact(MassageStyle Style)
{
    /// <summary>The sheet of the profile whose style it is: rules join on it, so one session can advise several profiles.</summary>
    public AdviceSheet? Owner { get; init; }
}
