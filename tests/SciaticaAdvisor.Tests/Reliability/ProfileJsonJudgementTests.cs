using System.Text;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Reliability;

/// <summary>
/// The explicit judgements of docs/profile-json.md: how numbers, duplicates, nulls, unknowns and odd
/// bytes in a profile are read. The fuzz properties check that nothing throws; these pin what the
/// answer is.
/// </summary>
public class ProfileJsonJudgementTests
{
    private const string Head = """{"cause":"unknown","flare":"none","painSensitivity":"low",""";

    private static ProfileReadResult Read(string rest) => ProfileReader.TryRead(Encoding.UTF8.GetBytes(Head + rest));

    private static ProfileError SingleError(string rest)
    {
        var result = Read(rest);
        result.IsValid.Should().BeFalse();
        return result.Errors.Should().ContainSingle().Subject;
    }

    [Theory]
    [InlineData("5.0")]
    [InlineData("1e1")]
    [InlineData("1E+1")]
    [InlineData("1e0")]
    [InlineData("3.5")]
    public void FractionOrExponent_IsAnErrorAtTheProperty(string number)
    {
        var error = SingleError($"\"painIntensity\":{number}}}");

        error.Path.Should().Be("$.painIntensity");
        error.Message.Should().Contain("without a fraction or exponent").And.Contain(number);
    }

    [Fact]
    public void LeadingZero_IsASyntaxErrorAtTheRoot()
    {
        var error = SingleError("\"painIntensity\":05}");

        error.Path.Should().Be("$");
        error.Message.Should().StartWith("invalid JSON at line 1, column");
    }

    [Fact]
    public void MinusZero_IsTheIntegerZero()
    {
        var result = Read("\"painIntensity\":-0}");

        result.IsValid.Should().BeTrue();
        result.Profile!.PainIntensity.Should().Be(0);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+1")]
    [InlineData("0x5")]
    public void NonJsonNumberLiterals_AreSyntaxErrors(string literal) =>
        SingleError($"\"painIntensity\":{literal}}}").Path.Should().Be("$");

    [Theory]
    [InlineData("11", "must be between 0 and 10, was 11")]
    [InlineData("-1", "must be between 0 and 10, was -1")]
    [InlineData("99999999999999999999", "must be between 0 and 10, was 99999999999999999999")]
    public void OutOfRangeIntegers_AreErrorsThatQuoteTheNumber(string number, string message) =>
        SingleError($"\"painIntensity\":{number}}}").Should().Be(new ProfileError("$.painIntensity", message));

    [Fact]
    public void HugeNumber_IsQuotedShort()
    {
        var error = SingleError($"\"painIntensity\":{new string('9', 100_000)}}}");

        error.Path.Should().Be("$.painIntensity");
        error.Message.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void DuplicateKnownProperty_IsAnError_EvenWithTheSameValue() =>
        SingleError("\"painIntensity\":3,\"painIntensity\":3}")
            .Should().Be(new ProfileError("$.painIntensity", "property given twice; each property may appear once"));

    [Fact]
    public void DuplicateUnknownProperty_IsReportedAsUnknownThenAsRepeated()
    {
        var result = Read("\"painIntensity\":3,\"x\":1,\"x\":2}");

        result.Errors.Select(e => e.Path).Should().Equal("$.x", "$.x");
        result.Errors[0].Message.Should().StartWith("unknown property 'x'");
        result.Errors[1].Message.Should().Be("property given twice; each property may appear once");
    }

    [Fact]
    public void NullForAnOptionalProperty_IsNotGiven()
    {
        var result = Read("\"painIntensity\":3,\"symptomWeeks\":null,\"symptoms\":null,\"diagnosisConfirmed\":null,\"weeksInTreatment\":null}");

        result.IsValid.Should().BeTrue();
        result.Profile!.SymptomWeeks.Should().BeNull();
        result.Profile.Symptoms.Should().BeEmpty();
        result.Profile.DiagnosisConfirmed.Should().BeFalse();
        result.Profile.WeeksInTreatment.Should().Be(0);
    }

    [Fact]
    public void NullForARequiredProperty_IsAnError() =>
        SingleError("\"painIntensity\":null}").Path.Should().Be("$.painIntensity");

    [Fact]
    public void NullInsideASet_IsAnErrorAtTheElement() =>
        SingleError("\"painIntensity\":3,\"symptoms\":[\"tingling\",null]}").Path.Should().Be("$.symptoms[1]");

    [Fact]
    public void UnknownPropertyWithAnOddName_GetsABracketPath() =>
        SingleError("\"painIntensity\":3,\"two words\":1}").Path.Should().Be("$['two words']");

    [Fact]
    public void ByteOrderMark_IsASyntaxErrorAtTheRoot_CallersStripIt()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Head + "\"painIntensity\":3}")).ToArray();

        ProfileReader.TryRead(bytes).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Fact]
    public void TrailingGarbage_IsASyntaxErrorAtTheRoot() =>
        SingleError("\"painIntensity\":3} x").Path.Should().Be("$");

    [Fact]
    public void UnknownPropertyNameOfInvalidUtf8_IsAnError_NotAnException()
    {
        // The walker called GetString on the name, which throws InvalidOperationException (fixed on main too).
        byte[] bytes = [.. Encoding.UTF8.GetBytes(Head + "\"painIntensity\":3,\""), 0xC3, 0x28, .. "\":1}"u8];

        var result = ProfileReader.TryRead(bytes);

        result.Errors.Should().ContainSingle().Which.Path.Should().Be("$");
        result.Errors[0].Message.Should().StartWith("a property name is not valid UTF-8");
    }

    [Fact]
    public void UnknownPropertyNameWithALoneSurrogateEscape_IsAnError_NotAnException()
    {
        var result = Read("\"painIntensity\":3,\"\\ud800\":1}");

        // Regression: matching the name against the profile's names unescaped it and threw.
        result.Errors.Should().ContainSingle().Which.Should().Match<ProfileError>(e => e.Path == "$" && e.Message.StartsWith("a property name is not valid UTF-8"));
    }

    [Fact]
    public void EnumValueOfInvalidUtf8_IsAnError_NotAnException()
    {
        byte[] bytes = [.. "{\"cause\":\""u8, 0xFF, .. "\",\"flare\":\"none\",\"painSensitivity\":\"low\",\"painIntensity\":3}"u8];

        ProfileReader.TryRead(bytes).Errors.Should().ContainSingle().Which.Path.Should().Be("$.cause");
    }

    [Theory]
    [InlineData("\"flare\":\"\\ud800\",\"painIntensity\":3", "$.flare")]
    [InlineData("\"flare\":\"none\",\"painIntensity\":3,\"symptoms\":[\"\\udc00\"]", "$.symptoms[0]")]
    [InlineData("\"flare\":\"none\",\"painIntensity\":3,\"avoidStyles\":[\"\\ud800x\"]", "$.avoidStyles[0]")]
    public void EnumValueWithALoneSurrogateEscape_IsAnError_NotAnException(string properties, string path)
    {
        // Regression: ValueTextEquals throws on an escape it cannot decode when the lengths could match.
        var json = "{\"cause\":\"unknown\",\"painSensitivity\":\"low\"," + properties + "}";

        var error = ProfileReader.TryRead(Encoding.UTF8.GetBytes(json)).Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be(path);
        error.Message.Should().Contain("not valid UTF-8");
    }

    [Fact]
    public void BadLiteral_SyntaxMessage_QuotesTheInputShort()
    {
        // Regression: System.Text.Json quotes a bad literal up to the end of the input, so the whole
        // rest of the profile (health data, any length) ended up in the error message.
        var secret = "pregnancy-" + new string('x', 20_000);
        var error = SingleError($"\"painIntensity\":nul,\"x\":\"{secret}\"}}");

        error.Path.Should().Be("$");
        error.Message.Should().StartWith("invalid JSON at line 1, column").And.Contain("'nul,");
        error.Message.Length.Should().BeLessThan(300);
        error.Message.Should().NotContain(new string('x', 50));
    }

    [Fact]
    public void HugeExponent_IsAnErrorAtTheProperty() =>
        SingleError("\"painIntensity\":1e400}").Path.Should().Be("$.painIntensity");

    [Fact]
    public void NumberAsString_IsATypeError() =>
        SingleError("\"painIntensity\":\"3\"}").Should().Be(new ProfileError("$.painIntensity", "must be an integer between 0 and 10, was a string"));

    [Fact]
    public void EscapedEnumValue_IsDecodedFirst()
    {
        var result = ProfileReader.TryRead(Encoding.UTF8.GetBytes("""{"cause":"unknown","flare":"\u0061cute","painSensitivity":"low","painIntensity":3}"""));

        result.Profile!.Flare.Should().Be(FlareState.Acute);
    }

    [Fact]
    public void EnumValues_AreCaseSensitive() =>
        ProfileReader.TryRead(Encoding.UTF8.GetBytes("""{"cause":"unknown","flare":"Acute","painSensitivity":"low","painIntensity":3}"""))
            .Errors.Should().ContainSingle().Which.Message.Should().StartWith("unknown value 'Acute'");

    [Fact]
    public void DuplicateSetValue_IsAnErrorAtTheSecond() =>
        SingleError("\"painIntensity\":3,\"symptoms\":[\"tingling\",\"tingling\"]}").Path.Should().Be("$.symptoms[1]");

    [Fact]
    public void LongNameCutShort_KeepsSurrogatePairsWhole()
    {
        // Regression: the 40-character cut fell between the halves of an emoji, leaving a lone surrogate
        // in the path and message, which JSON writers turn into U+FFFD (or refuse).
        var error = SingleError("\"painIntensity\":3,\"" + new string('a', 39) + "\ud83d\ude00tail\":1}");

        error.Path.Should().Be("$['" + new string('a', 39) + "…']");
        (error.Path + error.Message).Any(char.IsSurrogate).Should().BeFalse();
    }

    [Fact]
    public void DeepNesting_IsASyntaxErrorAtTheRoot()
    {
        var deep = Head + "\"painIntensity\":3,\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        ProfileReader.TryRead(Encoding.UTF8.GetBytes(deep)).Errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }
}
