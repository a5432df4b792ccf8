using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Tests.Profiles;

public sealed class ProfileReaderErrorTests
{
    private const string Causes = "herniatedDisc, spinalStenosis, piriformisSyndrome, spondylolisthesis, unknown";
    private const string Symptoms = "lowerBackPain, buttockPain, radiatingLegPain, tingling, numbness, legWeakness, worseWhenSitting";
    private const string Properties =
        "cause, flare, painSensitivity, painIntensity, symptomWeeks, symptoms, redFlags, conditions, "
        + "diagnosisConfirmed, clinicianApproved, weeksInTreatment, avoidStyles";

    [Fact]
    public void Read_UnknownProperty_NamesItAndListsTheAllowedOnes()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("painLevel", 3));

        errors.Should().Equal(new ProfileError("$.painLevel", $"unknown property 'painLevel'; expected one of {Properties}"));
    }

    [Fact]
    public void Read_UnknownPropertyWithOddName_QuotesItInBracketPath()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("pain level", 3));

        errors.Should().Equal(new ProfileError("$['pain level']", $"unknown property 'pain level'; expected one of {Properties}"));
    }

    [Fact]
    public void Read_PropertyNameInWrongCase_IsUnknown()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("PainIntensity", 3));

        errors.Should().Equal(new ProfileError("$.PainIntensity", $"unknown property 'PainIntensity'; expected one of {Properties}"));
    }

    [Fact]
    public void Read_UnknownEnumValue_ReportsValueAndExpectedNames()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("flare", "acut"));

        errors.Should().Equal(new ProfileError("$.flare", "unknown value 'acut'; expected one of none, subsiding, acute"));
    }

    [Fact]
    public void Read_EnumNameInPascalCase_IsUnknown()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("cause", "HerniatedDisc"));

        errors.Should().Equal(new ProfileError("$.cause", $"unknown value 'HerniatedDisc'; expected one of {Causes}"));
    }

    [Fact]
    public void Read_EnumGivenAsNumber_IsWrongType()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("flare", 2));

        errors.Should().Equal(new ProfileError("$.flare", "must be one of none, subsiding, acute, was a number"));
    }

    [Fact]
    public void Read_IntegerGivenAsString_IsWrongType()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("painIntensity", "6"));

        errors.Should().Equal(new ProfileError("$.painIntensity", "must be an integer between 0 and 10, was a string"));
    }

    [Fact]
    public void Read_BooleanGivenAsString_IsWrongType()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("clinicianApproved", "true"));

        errors.Should().Equal(new ProfileError("$.clinicianApproved", "must be true or false, was a string"));
    }

    [Fact]
    public void Read_SetGivenAsString_IsWrongType()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("symptoms", "tingling"));

        errors.Should().Equal(new ProfileError("$.symptoms", $"must be an array of distinct values from {Symptoms}, was a string"));
    }

    [Fact]
    public void Read_SetElementOfWrongType_ReportsIndexedPath()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithRaw("symptoms", "[\"tingling\", 3]"));

        errors.Should().Equal(new ProfileError("$.symptoms[1]", $"must be one of {Symptoms}, was a number"));
    }

    [Fact]
    public void Read_UnknownSetElement_ReportsIndexedPath()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithSet("redFlags", "fever", "chills"));

        errors.Should().Equal(new ProfileError(
            "$.redFlags[1]",
            "unknown value 'chills'; expected one of saddleAnesthesia, bowelOrBladderDysfunction, progressiveWeakness, fever, "
            + "unexplainedWeightLoss, historyOfCancer, recentTrauma"));
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("6.5")]
    [InlineData("1e1")]
    [InlineData("3E0")]
    public void Read_NumberWithFractionOrExponent_IsNotAnInteger(string raw)
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithRaw("painIntensity", raw));

        errors.Should().Equal(new ProfileError(
            "$.painIntensity",
            $"must be an integer between 0 and 10 written without a fraction or exponent, was {raw}"));
    }

    [Theory]
    [InlineData("painIntensity", "11", "must be between 0 and 10, was 11")]
    [InlineData("painIntensity", "-1", "must be between 0 and 10, was -1")]
    [InlineData("symptomWeeks", "521", "must be between 0 and 520, was 521")]
    [InlineData("weeksInTreatment", "-3", "must be between 0 and 520, was -3")]
    [InlineData("painIntensity", "99999999999", "must be between 0 and 10, was 99999999999")]
    public void Read_IntegerOutOfRange_ReportsBoundsAndValue(string name, string raw, string message)
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithRaw(name, raw));

        errors.Should().Equal(new ProfileError("$." + name, message));
    }

    [Theory]
    [InlineData("painIntensity", "0")]
    [InlineData("painIntensity", "10")]
    [InlineData("symptomWeeks", "520")]
    [InlineData("weeksInTreatment", "0")]
    public void Read_IntegerOnTheBound_IsAccepted(string name, string raw)
    {
        var result = ProfileReader.TryRead(ProfileJson.Minimal().WithRaw(name, raw).Build());

        result.Errors.Should().BeEmpty();
    }

    [Fact]
    public void Read_DuplicateSymptom_ReportsIndexedPath()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithSet("symptoms", "tingling", "tingling"));

        errors.Should().Equal(new ProfileError("$.symptoms[1]", "duplicate value 'tingling'; each value may appear once"));
    }

    [Fact]
    public void Read_DuplicateAvoidedStyle_ReportsIndexOfTheRepeat()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithSet("avoidStyles", "shiatsu", "deepTissue", "shiatsu"));

        errors.Should().Equal(new ProfileError("$.avoidStyles[2]", "duplicate value 'shiatsu'; each value may appear once"));
    }

    [Fact]
    public void Read_PropertyGivenTwice_ReportsTheProperty()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().Again("painIntensity", "6"));

        errors.Should().Equal(new ProfileError("$.painIntensity", "property given twice; each property may appear once"));
    }

    [Fact]
    public void Read_UnknownPropertyGivenTwice_ReportsUnknownThenTwice()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithRaw("mood", "1").Again("mood", "2"));

        errors.Should().Equal(
            new ProfileError("$.mood", $"unknown property 'mood'; expected one of {Properties}"),
            new ProfileError("$.mood", "property given twice; each property may appear once"));
    }

    [Theory]
    [InlineData("cause", $"is required; expected one of {Causes}")]
    [InlineData("flare", "is required; expected one of none, subsiding, acute")]
    [InlineData("painSensitivity", "is required; expected one of low, moderate, high")]
    [InlineData("painIntensity", "is required; expected an integer between 0 and 10")]
    public void Read_MissingRequiredProperty_SaysWhatIsExpected(string name, string message)
    {
        var errors = ErrorsOf(ProfileJson.Minimal().Without(name));

        errors.Should().Equal(new ProfileError("$." + name, message));
    }

    [Theory]
    [InlineData("cause", $"must be one of {Causes}, was null")]
    [InlineData("flare", "must be one of none, subsiding, acute, was null")]
    [InlineData("painSensitivity", "must be one of low, moderate, high, was null")]
    [InlineData("painIntensity", "must be an integer between 0 and 10, was null")]
    public void Read_NullForRequiredProperty_IsRejected(string name, string message)
    {
        var errors = ErrorsOf(ProfileJson.Minimal().WithNull(name));

        errors.Should().Equal(new ProfileError("$." + name, message));
    }

    [Fact]
    public void Read_SyntaxError_ReportsLineAndColumnAtRoot()
    {
        var json = "{\n  \"cause\": \"unknown\",\n  \"flare\": none\n}";

        var errors = ErrorsOf(json);

        // Column 13 is the 'o' of none: the first byte that cannot start the literal null.
        errors.Should().ContainSingle().Which.Should().Match<ProfileError>(e =>
            e.Path == "$" && e.Message.StartsWith("invalid JSON at line 3, column 13: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SyntaxErrorQuotingAcrossLines_GivesOneLineMessage()
    {
        var errors = ErrorsOf("{\n  \"flare\": none\n}");

        errors.Should().ContainSingle().Which.Message.Should().NotContainAny("\n", "\r");
    }

    [Fact]
    public void Read_TrailingComma_IsSyntaxError()
    {
        var errors = ErrorsOf("{\"cause\": \"unknown\",}");

        errors.Should().ContainSingle().Which.Message.Should().StartWith("invalid JSON at line 1, column 21: ");
    }

    [Fact]
    public void Read_TextAfterTheObject_IsSyntaxError()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().Build() + " {}");

        errors.Should().ContainSingle().Which.Should().Match<ProfileError>(e =>
            e.Path == "$" && e.Message.StartsWith("invalid JSON at line 1, column ", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_Comment_IsSyntaxError()
    {
        var errors = ErrorsOf("// a comment\n" + ProfileJson.Minimal().Build());

        errors.Should().ContainSingle().Which.Message.Should().StartWith("invalid JSON at line 1, column 1: ");
    }

    [Fact]
    public void Read_SyntaxErrorAfterOtherErrors_ReportsOnlyTheSyntaxError()
    {
        var errors = ErrorsOf("{\"cause\": \"nope\", \"painIntensity\": 42,");

        errors.Should().ContainSingle().Which.Path.Should().Be("$");
    }

    [Theory]
    [InlineData("[]", "must be a JSON object, was an array")]
    [InlineData("\"cause\"", "must be a JSON object, was a string")]
    [InlineData("42", "must be a JSON object, was a number")]
    [InlineData("null", "must be a JSON object, was null")]
    [InlineData("true", "must be a JSON object, was a boolean")]
    public void Read_DocumentThatIsNotAnObject_IsRejectedAtRoot(string json, string message)
    {
        var errors = ErrorsOf(json);

        errors.Should().Equal(new ProfileError("$", message));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \r\n\t")]
    public void Read_EmptyDocument_SaysSoPlainly(string json)
    {
        var errors = ErrorsOf(json);

        errors.Should().Equal(new ProfileError("$", "the document is empty; expected a JSON object"));
    }

    [Fact]
    public void Read_SeveralErrors_ReportsAllAtOnceInPropertyOrder()
    {
        var json = ProfileJson.Minimal()
            .Without("cause")
            .With("flare", "acut")
            .With("painIntensity", 11)
            .WithSet("symptoms", "tingling", "tingling")
            .WithRaw("weeksInTreatment", "2.5")
            .With("mood", "grumpy")
            .With("clinicianApproved", "yes");

        var errors = ErrorsOf(json);

        errors.Should().Equal(
            new ProfileError("$.cause", $"is required; expected one of {Causes}"),
            new ProfileError("$.flare", "unknown value 'acut'; expected one of none, subsiding, acute"),
            new ProfileError("$.painIntensity", "must be between 0 and 10, was 11"),
            new ProfileError("$.symptoms[1]", "duplicate value 'tingling'; each value may appear once"),
            new ProfileError("$.clinicianApproved", "must be true or false, was a string"),
            new ProfileError("$.weeksInTreatment", "must be an integer between 0 and 520 written without a fraction or exponent, was 2.5"),
            new ProfileError("$.mood", $"unknown property 'mood'; expected one of {Properties}"));
    }

    [Fact]
    public void Read_UnknownValueWithLineBreak_GivesOneLineMessage()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("flare", "acu\nte\u0007"));

        errors.Should().Equal(new ProfileError("$.flare", "unknown value 'acu\\u000ate\\u0007'; expected one of none, subsiding, acute"));
    }

    [Fact]
    public void Read_UnknownPropertyWithLineBreak_GivesOneLineMessage()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("pain\r\nlevel", 3));

        errors.Should().ContainSingle().Which.Message.Should().StartWith("unknown property 'pain\\u000d\\u000alevel'; expected one of ");
    }

    [Fact]
    public void Read_HugeUnknownValue_IsCutShortInTheMessage()
    {
        var errors = ErrorsOf(ProfileJson.Minimal().With("flare", new string('x', 5000)));

        errors.Should().ContainSingle().Which.Message.Length.Should().BeLessThan(200);
    }

    [Fact]
    public void Read_InvalidProfile_HasNoProfile()
    {
        var result = ProfileReader.TryRead(ProfileJson.Minimal().With("painIntensity", 11).Build());

        result.IsValid.Should().BeFalse();
        result.Profile.Should().BeNull();
    }

    [Fact]
    public void Read_InvalidProfile_ThrowsWithEveryErrorButNoValueInTheMessage()
    {
        var act = () => ProfileReader.Read(ProfileJson.Minimal().With("flare", "secretValue").Build());

        act.Should().Throw<ProfileValidationException>()
            .Where(e => e.Errors.Length == 1 && !e.Message.Contains("secretValue", StringComparison.Ordinal));
    }

    private static System.Collections.Immutable.ImmutableArray<ProfileError> ErrorsOf(ProfileJson profile) => ErrorsOf(profile.Build());

    private static System.Collections.Immutable.ImmutableArray<ProfileError> ErrorsOf(string json)
    {
        var result = ProfileReader.TryRead(json);
        result.IsValid.Should().BeFalse("the document {0} is not a valid profile", json);
        return result.Errors;
    }
}
