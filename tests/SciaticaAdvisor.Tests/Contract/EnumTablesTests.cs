using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Contract;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Contract;

/// <summary>
/// The name and set tables are built over ints: enums whose values are not 0, 1, 2, ... or whose
/// underlying type is not int take the other paths, which the contract's own enums never do.
/// </summary>
public sealed class EnumTablesTests
{
    private enum Sparse
    {
        FirstOne = 1,
        SecondOne = 4,
        ThirdOne = 9,
    }

    private enum Small : byte
    {
        LowValue = 3,
        HighValue = 200,
    }

    private enum Holed
    {
        Zero = 0,
        Two = 2,
    }

    [Fact]
    public void EnumNames_OfASparseEnum_LookUpEachValueAndRefuseTheOthers()
    {
        EnumNames<Sparse>.Names.Should().Equal("firstOne", "secondOne", "thirdOne");
        EnumNames<Sparse>.Values.Should().Equal(Sparse.FirstOne, Sparse.SecondOne, Sparse.ThirdOne);
        EnumNames<Sparse>.Expected.Should().Be("firstOne, secondOne, thirdOne");
        EnumNames<Sparse>.NameOf(Sparse.ThirdOne).Should().Be("thirdOne");
        EnumNames<Sparse>.EncodedNameOf(Sparse.SecondOne).Value.Should().Be("secondOne");
        EnumNames<Sparse>.TryNameOf((Sparse)2, out _).Should().BeFalse();
        EnumNames<Sparse>.TryNameOf((Sparse)0, out _).Should().BeFalse();
        FluentActions.Invoking(() => EnumNames<Sparse>.EncodedNameOf((Sparse)5)).Should().Throw<JsonException>();
        EnumNames<Sparse>.TryParse("secondOne", out var parsed).Should().BeTrue();
        parsed.Should().Be(Sparse.SecondOne);
        EnumNames<Sparse>.TryParse("SecondOne", out _).Should().BeFalse("names match exactly");
    }

    [Fact]
    public void EnumNames_OfAByteEnum_WorkAsForAnIntEnum()
    {
        EnumNames<Small>.Names.Should().Equal("lowValue", "highValue");
        EnumNames<Small>.NameOf(Small.HighValue).Should().Be("highValue");
        EnumNames<Small>.TryNameOf((Small)4, out _).Should().BeFalse();
        EnumNames<Small>.TryParse("lowValue", out var parsed).Should().BeTrue();
        parsed.Should().Be(Small.LowValue);
        ContractNames.NameOf(Small.LowValue).Should().Be("lowValue");
    }

    [Fact]
    public void EnumNames_TryMatch_FindsTheTokensMember()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes("[\"thirdOne\", \"fourthOne\"]"));
        reader.Read();
        reader.Read();
        EnumNames<Sparse>.TryMatch(ref reader, out var first).Should().BeTrue();
        first.Should().Be(Sparse.ThirdOne);
        reader.Read();
        EnumNames<Sparse>.TryMatch(ref reader, out _).Should().BeFalse();
    }

    [Fact]
    public void EnumSet_OfAnEnumWithAHole_IgnoresTheBitNoValueHas()
    {
        EnumSet.Of<Holed>(0b111).Should().BeEquivalentTo([Holed.Zero, Holed.Two]);
        EnumSet.Of<Holed>(0b111).Should().BeSameAs(EnumSet.Of<Holed>(0b101), "the hole's bit adds nothing, so both masks are one set");
        EnumSet.ListOf<Holed>(0b110).Should().Equal(Holed.Two);
        EnumSet.ListOf<Holed>(0b010).Should().BeEmpty();
    }
}
