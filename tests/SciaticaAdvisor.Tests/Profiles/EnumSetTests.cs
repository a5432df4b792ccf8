using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Profiles;

/// <summary>The shared sets and lists handed out per mask: every set field's enum, and the advice's focus areas.</summary>
public class EnumSetTests
{
    [Fact]
    public void EverySetEnum_FitsTheTable_AndEachMaskGivesExactlyItsValues()
    {
        CheckEveryMask<Symptom>();
        CheckEveryMask<RedFlag>();
        CheckEveryMask<HealthCondition>();
        CheckEveryMask<MassageStyle>();
        CheckEveryMask<FocusArea>();
    }

    private static void CheckEveryMask<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        for (var mask = 0; mask < 1 << values.Length; mask++)
        {
            var set = EnumSet.Of<T>(mask);
            set.Should().BeEquivalentTo(values.Where(v => (mask & EnumSet.Bit(v)) != 0), typeof(T).Name + " mask " + mask);
            EnumSet.Of<T>(mask).Should().BeSameAs(set, "one set serves every profile with the same values");
            EnumSet.ListOf<T>(mask).Should().Equal(values.Where(v => (mask & EnumSet.Bit(v)) != 0), typeof(T).Name + " mask " + mask);
        }
    }
}
