using System.Collections.Immutable;
using System.Numerics;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Rules.Classes;

/// <summary>
/// The classes of a set field: its subsets grouped by how the conditions see them, each class
/// represented by its smallest subset. Weight is the number of values the representative holds.
/// </summary>
internal sealed class SetFieldClasses
{
    private SetFieldClasses(FactField field, ImmutableArray<int> classes, int fullClass)
    {
        Field = field;
        Classes = classes;
        Weights = [.. classes.Select(c => BitOperations.PopCount((uint)c))];
        FullClass = fullClass;
    }

    public FactField Field { get; }

    /// <summary>The representative subset of each class, as a bit mask.</summary>
    public ImmutableArray<int> Classes { get; }

    public ImmutableArray<int> Weights { get; }

    /// <summary>The class of the subset holding every value the conditions mention.</summary>
    public int FullClass { get; }

    public static SetFieldClasses For(FactField field, IReadOnlyList<Condition> tests, bool everyMember)
    {
        var size = Enum.GetValues(field.EnumType!).Length;
        var members = everyMember ? (1 << size) - 1 : tests.OfType<SetCondition>().Aggregate(0, (m, t) => m | (t.Any ?? 0) | (t.All ?? 0) | (t.None ?? 0));
        var classes = new Dictionary<long, int>();

        // Visit subsets smallest first so each class keeps its smallest representative.
        foreach (var subset in Subsets(members).OrderBy(s => BitOperations.PopCount((uint)s)).ThenBy(s => s))
        {
            var signature = everyMember ? subset : Signature(field, tests, subset);
            classes.TryAdd(signature, subset);
        }

        var representatives = classes.Values.ToImmutableArray();
        var fullSignature = everyMember ? members : Signature(field, tests, members);
        return new SetFieldClasses(field, representatives, representatives.IndexOf(classes[fullSignature]));
    }

    public void Apply(ProfileDraftValues draft, int classIndex) => draft.Set(Field, Classes[classIndex]);

    private static IEnumerable<int> Subsets(int members)
    {
        for (var subset = members; ; subset = (subset - 1) & members)
        {
            yield return subset;
            if (subset == 0)
            {
                yield break;
            }
        }
    }

    internal static long Signature(FactField field, IReadOnlyList<Condition> tests, int subset)
    {
        var draft = new ProfileDraftValues();
        draft.Set(field, subset);
        var fact = new ProfileFact(draft.ToProfile());
        var signature = 0L;
        for (var i = 0; i < tests.Count; i++)
        {
            if (tests[i].Matches(fact))
            {
                signature |= 1L << i;
            }
        }

        return signature;
    }
}
