using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Profiles;

/// <summary>The shared sets are packed and validated by identity; every other set, whatever its values, by its values.</summary>
public sealed class SharedSetMasksTests
{
    private enum Holed
    {
        Zero = 0,
        Two = 2,
    }

    [Fact]
    public void EverySharedSet_OfEverySetEnum_IsFoundWithItsOwnMask()
    {
        CheckEveryMask<Symptom>();
        CheckEveryMask<RedFlag>();
        CheckEveryMask<HealthCondition>();
        CheckEveryMask<MassageStyle>();
    }

    [Fact]
    public void ASetBuiltInCSharp_WithTheValuesOfASharedSet_IsNotShared_AndPacksToTheSameMask()
    {
        var shared = EnumSet.Of<Symptom>(EnumSet.Bit(Symptom.Tingling) | EnumSet.Bit(Symptom.Numbness));
        var built = ImmutableHashSet.Create(Symptom.Numbness, Symptom.Tingling);

        built.SetEquals(shared).Should().BeTrue();
        SharedSetMasks.IsShared(built).Should().BeFalse("only the table's own instances are known by identity");
        SharedSetMasks.Mask(built).Should().Be(SharedSetMasks.Mask(shared));
        SharedSetMasks.IsShared(ImmutableHashSet<Symptom>.Empty.WithComparer(EqualityComparer<Symptom>.Create((a, b) => a == b, v => (int)v)))
            .Should().BeFalse("an empty set with another comparer is another instance");
    }

    [Fact]
    public void AnEnumWithAHole_SharesOneSetForBothMasks_WhichPacksToTheNamedBits()
    {
        var set = EnumSet.Of<Holed>(0b111);

        SharedSetMasks.IsShared(set).Should().BeTrue();
        SharedSetMasks.Mask(set).Should().Be(0b101, "the set holds Zero and Two; the hole's bit is no value");
    }

    [Fact]
    public void AReadProfile_WhoseSetIsReplacedByOneWithAnUnnamedValue_IsInvalid()
    {
        // A profile read from JSON holds shared sets; a set made from one of them is a new instance, checked value by value.
        var read = ProfileReader.Read(ProfileJson.Minimal().WithSet("symptoms", "tingling").Build());
        SharedSetMasks.IsShared(read.Symptoms).Should().BeTrue();
        ProfileReader.Validate(read).Should().BeEmpty();

        var changed = read with { Symptoms = read.Symptoms.Add((Symptom)9) };

        SharedSetMasks.IsShared(changed.Symptoms).Should().BeFalse();
        ProfileReader.Validate(changed).Should().ContainSingle().Which.Path.Should().StartWith("$.symptoms");
    }

    [Fact]
    public void AProfileWithANullSet_IsInvalid_NotThrown()
    {
        var read = ProfileReader.Read(ProfileJson.Minimal().Build());

        var changed = read with { RedFlags = null! };

        ProfileReader.Validate(changed).Should().Contain(e => e.Path == "$.redFlags");
    }

    private static void CheckEveryMask<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        for (var mask = 0; mask < 1 << values.Length; mask++)
        {
            var set = EnumSet.Of<T>(mask);
            SharedSetMasks.IsShared(set).Should().BeTrue($"{typeof(T).Name} mask {mask}");
            SharedSetMasks.Mask(set).Should().Be(mask, $"{typeof(T).Name} mask {mask}");
            SharedSetMasks.Mask(ImmutableHashSet.CreateRange(set)).Should().Be(mask, "a copy is walked to the same mask");
        }
    }
}
