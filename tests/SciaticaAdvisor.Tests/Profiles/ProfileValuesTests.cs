using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Profiles;

/// <summary>The packed values keep "not given" apart from every number, for every field, and hold every field the table has.</summary>
public class ProfileValuesTests
{
    public static TheoryData<string> FieldNames => [.. ProfileFields.All.Select(f => f.Name)];

    [Fact]
    public void EveryField_HasItsPlace()
    {
        ProfileFields.All.Length.Should().BeLessThanOrEqualTo(ProfileValues.Capacity, "a field past the capacity has no place in the packed values; raise ProfileValues.Capacity");
        ProfileFields.All.Select(f => f.Index).Should().Equal(Enumerable.Range(0, ProfileFields.All.Length));
    }

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void NotGiven_StaysApartFromZero_AndOtherFieldsKeepTheirs(string name)
    {
        var field = ProfileFields.Named(name);
        var values = new ProfileValues();
        foreach (var other in ProfileFields.All)
        {
            values[other] = other.Index + 1;
        }

        values[field] = null;
        values[field].Should().BeNull();
        values[field] = 0;
        values[field].Should().Be(0);
        values[field] = null;

        values[field].Should().BeNull();
        ProfileFields.All.Where(f => f != field).Should().OnlyContain(f => values[f] == f.Index + 1);
    }

    [Fact]
    public void NewValues_GiveNoField()
    {
        var values = new ProfileValues();

        ProfileFields.All.Should().OnlyContain(f => values[f] == null);
    }
}
