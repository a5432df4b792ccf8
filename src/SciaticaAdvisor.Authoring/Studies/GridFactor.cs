using System.Collections.Immutable;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>A field a study's grid varies, and the values it takes, in the order the study file lists them.</summary>
internal sealed record GridFactor(ProfileField Field, ImmutableArray<GridValue> Values);
