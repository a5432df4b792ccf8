using System.Collections.Immutable;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Rules.Classes;

/// <summary>The representatives of a scalar field: every enum value, both booleans, or one integer per interval between the thresholds the conditions compare against.</summary>
internal static class ScalarValues
{
    public static ImmutableArray<Action<ProfileDraftValues>> For(FactField field, IReadOnlyList<Condition> tests)
    {
        IEnumerable<int?> values = field.Kind switch
        {
            FieldKind.Enum => Enumerable.Range(0, Enum.GetValues(field.EnumType!).Length).Select(v => (int?)v),
            FieldKind.Boolean => [0, 1],
            _ => Integers(field, tests),
        };
        return [.. values.Select(v => (Action<ProfileDraftValues>)(draft => draft.Set(field, v)))];
    }

    public static IEnumerable<int?> Integers(FactField field, IReadOnlyList<Condition> tests)
    {
        var min = field.Profile.Minimum ?? throw new InvalidOperationException($"{field.Name} has no minimum");
        var max = field.Profile.Maximum ?? throw new InvalidOperationException($"{field.Name} has no maximum");
        var starts = new SortedSet<int> { min };
        foreach (var test in tests.OfType<IntegerCondition>())
        {
            if (test.AtLeast is { } atLeast && atLeast > min && atLeast <= max)
            {
                starts.Add(atLeast);
            }

            if (test.AtMost is { } atMost && atMost >= min && atMost < max)
            {
                starts.Add(atMost + 1);
            }
        }

        var values = starts.Select(v => (int?)v).ToList();
        if (field.Profile.IsNullable)
        {
            values.Insert(0, null);
        }

        return values;
    }
}
