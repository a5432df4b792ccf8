using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Rules.Classes;

/// <summary>A profile under construction while the space is enumerated; fields no condition tests keep a plain default.</summary>
internal sealed class ProfileDraftValues
{
    private readonly ProfileValues _values = new();

    public ProfileDraftValues()
    {
        foreach (var field in ProfileFields.All)
        {
            _values[field] = field.DefaultValue switch
            {
                bool flag => flag ? 1 : 0,
                int number => number,
                _ => field.IsNullable ? null : field.Minimum ?? 0,
            };
        }

        // The plainest profile a clinic sees: a known cause, diagnosed and cleared for massage, so the
        // classes of the fields under test are not hidden behind a referral.
        _values[ProfileFields.Cause] = (int)SciaticaCause.PiriformisSyndrome;
        _values[ProfileFields.DiagnosisConfirmed] = 1;
        _values[ProfileFields.ClinicianApproved] = 1;
    }

    public void Set(FactField field, int? value) => _values[field.Profile] = value;

    public SymptomProfile ToProfile() => _values.ToProfile();
}
