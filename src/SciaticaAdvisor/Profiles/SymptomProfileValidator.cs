using FluentValidation;

namespace SciaticaAdvisor.Profiles;

/// <summary>The rules every profile must meet, whether it was read from JSON or built in C#: each field's rules, from <see cref="ProfileFields.All"/>.</summary>
internal sealed class SymptomProfileValidator : AbstractValidator<SymptomProfile>
{
    public static SymptomProfileValidator Instance { get; } = new();

    private SymptomProfileValidator()
    {
        foreach (var field in ProfileFields.All)
        {
            field.Behaviour.AddRules(this, field);
        }
    }

    /// <summary>
    /// A quick pass over the same table for the common, valid case: advice runs once per profile and
    /// the full validator costs more than the rules. Anything it does not plainly accept goes to the
    /// validator, which gives the errors.
    /// </summary>
    public static bool IsPlainlyValid(SymptomProfile profile)
    {
        foreach (var field in ProfileFields.All)
        {
            if (!field.Behaviour.IsPlainlyValid(profile))
            {
                return false;
            }
        }

        return true;
    }
}
