using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// One output row: a profile of the population advised under one variant, or, when the variant's rules
/// fault on the profile, the fault's message instead of an advice (as <c>batch</c> answers such a line
/// with <c>{"line":N,"fault":"..."}</c>).
/// </summary>
internal readonly record struct StudyRow(long Profile, SymptomProfile Input, int VariantIndex, CompiledVariant Variant, MassageAdvice? Advice, string? Fault)
{
    public StyleAdvice? Style(MassageStyle style)
    {
        if (Advice is null)
        {
            return null;
        }

        foreach (var advice in Advice.Styles)
        {
            if (advice.Style == style)
            {
                return advice;
            }
        }

        return null;
    }

    public Contraindication? Contraindication(MassageStyle style)
    {
        if (Advice is null)
        {
            return null;
        }

        foreach (var contraindication in Advice.Contraindications)
        {
            if (contraindication.Style == style)
            {
                return contraindication;
            }
        }

        return null;
    }
}
