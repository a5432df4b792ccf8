using System.Runtime.CompilerServices;

namespace SciaticaAdvisor.Profiles;

/// <summary>
/// A profile as one number a field (see <see cref="ProfileField.Pack"/>): an enum's int, a set's bit
/// mask, 0 or 1, the number, or <see langword="null"/> for "not given". Readers fill one before the
/// validator judges the profile; the rules' fact and the input classes read one.
/// </summary>
/// <remarks>
/// One object: the numbers inline and a bit per field that is given. Every profile read and every
/// advice makes one (the reader's draft, the rules' fact), and an array of <c>int?</c> was a second
/// object of 8 bytes a field: 88 bytes against 144 (<c>docs/performance.md</c>, sixth round).
/// </remarks>
internal sealed class ProfileValues
{
    /// <summary>The most fields a profile can have here; <see cref="ProfileFields.All"/> has 12 (a test holds the two together).</summary>
    public const int Capacity = 16;

    private Numbers _numbers;

    // Bit i: field i is given.
    private int _given;

    public int? this[ProfileField field]
    {
        get => (_given & (1 << field.Index)) != 0 ? _numbers[field.Index] : null;
        set
        {
            _numbers[field.Index] = value.GetValueOrDefault();
            _given = value.HasValue ? _given | (1 << field.Index) : _given & ~(1 << field.Index);
        }
    }

    public static ProfileValues Of(SymptomProfile profile)
    {
        var values = new ProfileValues();
        foreach (var field in ProfileFields.All)
        {
            values[field] = field.Pack(profile);
        }

        return values;
    }

    /// <summary>The profile these values stand for; a field not given takes its default (the first enum value, 0, false, empty).</summary>
    public SymptomProfile ToProfile() => new(this);

    public TEnum Choice<TEnum>(ProfileField field)
        where TEnum : struct, Enum => Unsafe.BitCast<int, TEnum>(this[field].GetValueOrDefault());

    public int? Number(ProfileField field) => this[field];

    public bool Flag(ProfileField field) => this[field] == 1;

    /// <summary>The fields' numbers, inline; a field's index past the end throws, as an array's would.</summary>
    [InlineArray(Capacity)]
    private struct Numbers
    {
        private int _first;
    }
}
