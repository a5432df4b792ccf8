using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>One output row: a profile of the population advised under one variant.</summary>
internal readonly record struct StudyRow(long Profile, SymptomProfile Input, int VariantIndex, CompiledVariant Variant, MassageAdvice Advice)
{
    public StyleAdvice? Style(MassageStyle style)
    {
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
