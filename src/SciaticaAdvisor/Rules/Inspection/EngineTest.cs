using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Rules.Inspection;

/// <summary>A test of a rule's condition on what other rules did: a derived fact (<c>fact:</c>) or an avoided style (<c>styleAvoided:</c>), possibly under <c>not</c>.</summary>
/// <param name="Fact">The fact's name, for a fact test; otherwise <see langword="null"/>.</param>
/// <param name="AvoidedStyle">The style, for a style-avoided test; otherwise <see langword="null"/>.</param>
/// <param name="Negated">Whether the test stands under <c>not</c>.</param>
public sealed record EngineTest(string? Fact, MassageStyle? AvoidedStyle, bool Negated);
