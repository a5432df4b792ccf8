using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests;

/// <summary>Every value of every contract enum has a label and a definition in plain words.</summary>
public sealed class PlainWordsTests
{
    private static readonly string[] ContractNamespaces =
        [typeof(SymptomProfile).Namespace!, typeof(MassageAdvice).Namespace!, typeof(PlanPhase).Namespace!];

    // Every public enum of the profile, advice and plan namespaces is a contract enum, except the descriptor's own.
    private static IEnumerable<Type> ContractEnumTypes =>
        typeof(SymptomProfile).Assembly.GetExportedTypes()
            .Where(t => t.IsEnum && ContractNamespaces.Contains(t.Namespace) && t != typeof(ProfileFieldKind))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    public static TheoryData<Type> ContractEnums => new(ContractEnumTypes);

    [Fact]
    public void ContractEnums_IncludeTheOnesTheBriefNames()
    {
        ContractEnumTypes.Should().Contain(
        [
            typeof(SciaticaCause), typeof(FlareState), typeof(PainSensitivity), typeof(Symptom), typeof(RedFlag),
            typeof(HealthCondition), typeof(MassageStyle), typeof(Pressure), typeof(FocusArea),
            typeof(ContraindicationLevel), typeof(ReferralUrgency), typeof(AdviceStatus), typeof(AdjunctTherapy),
            typeof(PlanPhase),
        ]);
    }

    [Fact]
    public void ContractEnums_IncludeEveryProfileFieldEnum()
    {
        var enums = ContractEnumTypes.ToHashSet();

        ProfileFields.All.Where(f => f.EnumType is not null).Select(f => f.EnumType!).Should().OnlyContain(t => enums.Contains(t));
    }

    [Theory]
    [MemberData(nameof(ContractEnums))]
    public void EveryValue_HasADisplayAndADefinition(Type enumType)
    {
        foreach (Enum value in Enum.GetValues(enumType))
        {
            PlainWords.Display(value).Should().NotBeNullOrWhiteSpace($"{enumType.Name}.{value} needs a label");
            PlainWords.Definition(value).Should().NotBeNullOrWhiteSpace($"{enumType.Name}.{value} needs a definition");
        }
    }

    [Theory]
    [MemberData(nameof(ContractEnums))]
    public void Displays_AreDistinctWithinAnEnum(Type enumType)
    {
        var displays = Enum.GetValues(enumType).Cast<Enum>().Select(PlainWords.Display).ToList();

        displays.Should().OnlyHaveUniqueItems("a form must tell its options apart");
    }

    [Fact]
    public void Display_SaysWhatToAsk_NotTheClinicalTerm()
    {
        PlainWords.Display(RedFlag.SaddleAnesthesia).Should().Contain("groin").And.NotContain("anesthesia");
        PlainWords.Display(MassageStyle.LomiLomi).Should().Be("Lomi-lomi (Hawaiian massage)");
    }

    [Fact]
    public void Generic_AndRuntimeTypedLookups_Agree()
    {
        PlainWords.Display(FocusArea.HipFlexors).Should().Be(PlainWords.Display((Enum)FocusArea.HipFlexors));
        PlainWords.Definition(PlanPhase.Corrective).Should().Be(PlainWords.Definition((Enum)PlanPhase.Corrective));
    }

    [Fact]
    public void Display_OfAnUndefinedValue_Throws()
    {
        var act = () => PlainWords.Display((Pressure)42);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Display_OfANonContractEnum_Throws()
    {
        var act = () => PlainWords.Display(DayOfWeek.Monday);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
