using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One output row while its cells are read out: a profile of the population advised under one variant,
/// with its advice's cells, or, when the variant's rules fault on the profile, the fault's message
/// instead (as <c>batch</c> answers such a line with <c>{"line":N,"fault":"..."}</c>).
/// </summary>
/// <remarks>The advice's cells are read once per advice (<see cref="AdviceCells"/>), and shared by every row of its input class.</remarks>
internal readonly record struct StudyRow(long Profile, SymptomProfile Input, int VariantIndex, CompiledVariant Variant, AdviceCells Cells);
