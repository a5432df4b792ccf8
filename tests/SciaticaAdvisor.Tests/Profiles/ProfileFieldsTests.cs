using System.Collections;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Profiles;

/// <summary>The field table is the one source of the profile's fields: every property has an entry, and every entry reaches every place that derives from it.</summary>
public class ProfileFieldsTests
{
    private static readonly SymptomProfile Plain = new()
    {
        Cause = SciaticaCause.HerniatedDisc,
        Flare = FlareState.None,
        PainSensitivity = PainSensitivity.Moderate,
        PainIntensity = 4,
    };

    public static TheoryData<string> FieldNames => [.. ProfileFields.All.Select(f => f.Name)];

    [Fact]
    public void EveryProfileProperty_HasOneFieldEntry_InDeclarationOrder()
    {
        // A new property without its line in ProfileFields fails here, before any reader misses it.
        var properties = typeof(SymptomProfile).GetProperties()
            .Where(p => p.DeclaringType == typeof(SymptomProfile) && p.CanWrite)
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);

        ProfileFields.All.Select(f => f.Name).Should().Equal(properties);
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void EveryValueOfEveryField_RoundTripsThroughThePackedValues(string name)
    {
        var field = ProfileFields.Named(name);
        foreach (var value in Representatives(field))
        {
            var values = ProfileValues.Of(Plain);
            values[field] = value;

            var profile = values.ToProfile();

            field.Pack(profile).Should().Be(value, $"{name} = {value} must survive the profile's constructor");
            ProfileFields.All.Where(f => f != field).Should().OnlyContain(f => f.Behaviour.Same(profile, Plain), "the other fields keep their values");
        }
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Equality_SeesEveryField(string name)
    {
        var field = ProfileFields.Named(name);
        var values = ProfileValues.Of(Plain);
        values[field] = Representatives(field).First(v => v != field.Pack(Plain));
        var changed = values.ToProfile();

        changed.Should().NotBe(Plain);
        ProfileValues.Of(Plain).ToProfile().Should().Be(Plain);
        ProfileValues.Of(Plain).ToProfile().GetHashCode().Should().Be(Plain.GetHashCode());
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void GetValue_GivesTheTypedValue(string name)
    {
        var field = ProfileFields.Named(name);
        var value = field.GetValue(Plain);

        switch (field.Kind)
        {
            case ProfileFieldKind.Choice:
                value.Should().BeOfType(field.EnumType!);
                break;
            case ProfileFieldKind.Set:
                value.Should().BeAssignableTo<IEnumerable>();
                break;
            case ProfileFieldKind.Number:
                (value is null or int).Should().BeTrue();
                break;
            case ProfileFieldKind.Boolean:
                value.Should().BeOfType<bool>();
                break;
            default:
                throw new InvalidOperationException($"a field kind this test does not know: {field.Kind}");
        }
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void TheValidator_JudgesEveryRangedOrEnumField_FromTheTable(string name)
    {
        var field = ProfileFields.Named(name);
        if (field.Kind is not (ProfileFieldKind.Number or ProfileFieldKind.Choice))
        {
            return;
        }

        // One past the range, or the int after the enum's last member.
        var values = ProfileValues.Of(Plain);
        values[field] = field.Kind == ProfileFieldKind.Number ? field.Maximum + 1 : field.Codes.Length;

        var errors = ProfileReader.Validate(values.ToProfile());

        errors.Should().ContainSingle().Which.Path.Should().StartWith("$." + name);
    }

    /// <summary>Every enum value, the full set, both booleans, or the ends and middle of a range (and "not given" where allowed).</summary>
    private static IEnumerable<int?> Representatives(ProfileField field) => field.Kind switch
    {
        ProfileFieldKind.Choice => Enumerable.Range(0, field.Codes.Length).Select(v => (int?)v),
        ProfileFieldKind.Set => [0, 1, (1 << field.Codes.Length) - 1],
        ProfileFieldKind.Boolean => [0, 1],
        ProfileFieldKind.Number => field.IsNullable
            ? [field.Minimum, field.Maximum, (field.Minimum + field.Maximum) / 2, null]
            : [field.Minimum, field.Maximum, (field.Minimum + field.Maximum) / 2],
        _ => throw new InvalidOperationException($"a field kind this test does not know: {field.Kind}"),
    };
}
