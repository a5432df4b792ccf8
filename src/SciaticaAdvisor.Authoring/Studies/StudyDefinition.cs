using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>A study file as read and checked, before its variants' rules are compiled.</summary>
internal sealed record StudyDefinition(string? Name, StudyPopulation Population, ImmutableArray<VariantDefinition> Variants);
