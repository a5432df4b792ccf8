using System.Globalization;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Benchmarks.Comparison;

/// <summary>Writes a rule's condition as a RulesEngine expression over <see cref="RuleInput"/> named <c>p</c>.</summary>
internal static class ConditionTranslator
{
    private static readonly Dictionary<string, string> Properties = new()
    {
        ["cause"] = "Cause", ["flare"] = "Flare", ["painSensitivity"] = "PainSensitivity", ["painIntensity"] = "PainIntensity",
        ["symptomWeeks"] = "SymptomWeeks", ["symptoms"] = "Symptoms", ["redFlags"] = "RedFlags", ["conditions"] = "Conditions",
        ["diagnosisConfirmed"] = "DiagnosisConfirmed", ["clinicianApproved"] = "ClinicianApproved",
        ["weeksInTreatment"] = "WeeksInTreatment", ["avoidStyles"] = "AvoidStyles",
    };

    public static string Translate(Condition? condition) => condition is null ? "true" : Expression(condition);

    private static string Expression(Condition condition) => condition switch
    {
        AllCondition all => "(" + string.Join(" && ", all.Children.Select(Expression)) + ")",
        AnyCondition any => "(" + string.Join(" || ", any.Children.Select(Expression)) + ")",
        NotCondition not => "!(" + Expression(not.Child) + ")",
        FactCondition fact => $"p.Facts.Contains(\"{fact.Name}\")",
        StyleAvoidedCondition style => $"((p.Avoided & {1 << (int)style.Style}) != 0)",
        EnumCondition e => "(" + string.Join(" || ", Bits(e.Mask).Select(v => $"p.{Properties[e.Field.Name]} == {v}")) + ")",
        BooleanCondition b => $"p.{Properties[b.Field.Name]} == {(b.Value ? "true" : "false")}",
        IntegerCondition i => Integer(i),
        SetCondition s => Set(s),
        _ => throw new NotSupportedException(condition.GetType().Name),
    };

    private static string Integer(IntegerCondition i)
    {
        var name = "p." + Properties[i.Field.Name];
        var given = i.Field.Name == "symptomWeeks" ? "p.HasSymptomWeeks" : "true";
        if (i.Given == false)
        {
            return $"!{given}";
        }

        var parts = new List<string> { given };
        if (i.AtLeast is { } atLeast)
        {
            parts.Add($"{name} >= {atLeast.ToString(CultureInfo.InvariantCulture)}");
        }

        if (i.AtMost is { } atMost)
        {
            parts.Add($"{name} <= {atMost.ToString(CultureInfo.InvariantCulture)}");
        }

        return "(" + string.Join(" && ", parts) + ")";
    }

    // RulesEngine's expression language binds & more loosely than ==, hence the parentheses.
    private static string Set(SetCondition s)
    {
        var name = "p." + Properties[s.Field.Name];
        var parts = new List<string>();
        if (s.Any is { } any)
        {
            parts.Add($"(({name} & {any}) != 0)");
        }

        if (s.All is { } all)
        {
            parts.Add($"(({name} & {all}) == {all})");
        }

        if (s.None is { } none)
        {
            parts.Add($"(({name} & {none}) == 0)");
        }

        if (s.Empty is { } empty)
        {
            parts.Add(empty ? $"{name} == 0" : $"{name} != 0");
        }

        return "(" + string.Join(" && ", parts) + ")";
    }

    private static IEnumerable<int> Bits(int mask) => Enumerable.Range(0, 31).Where(b => (mask & (1 << b)) != 0);
}
