namespace SciaticaAdvisor.Profiles;

/// <summary>
/// A profile as one number a field (see <see cref="ProfileField.Pack"/>): an enum's int, a set's bit
/// mask, 0 or 1, the number, or <see langword="null"/> for "not given". Readers fill one before the
/// validator judges the profile; the rules' fact and the input classes read one.
/// </summary>
internal sealed class ProfileValues
{
    private readonly int?[] _values = new int?[ProfileFields.All.Length];

    public int? this[ProfileField field]
    {
        get => _values[field.Index];
        set => _values[field.Index] = value;
    }

    public static ProfileValues Of(SymptomProfile profile)
    {
        var values = new ProfileValues();
        foreach (var field in ProfileFields.All)
        {
            values._values[field.Index] = field.Pack(profile);
        }

        return values;
    }

    /// <summary>The profile these values stand for; a field not given takes its default (the first enum value, 0, false, empty).</summary>
    public SymptomProfile ToProfile() => new(this);

    public TEnum Choice<TEnum>(ProfileField field)
        where TEnum : struct, Enum => System.Runtime.CompilerServices.Unsafe.BitCast<int, TEnum>(_values[field.Index].GetValueOrDefault());

    public int? Number(ProfileField field) => _values[field.Index];

    public bool Flag(ProfileField field) => _values[field.Index] == 1;
}
