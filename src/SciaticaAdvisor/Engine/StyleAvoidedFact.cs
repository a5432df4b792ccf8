using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>Asserted once per style the first time a rule avoids it, so rules can react to what is left.</summary>
internal sealed record StyleAvoidedFact(MassageStyle Style);
