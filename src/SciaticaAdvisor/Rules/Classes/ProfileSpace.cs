using System.Collections.Immutable;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Rules.Classes;

/// <summary>
/// The input classes of a set of conditions: for each profile field, one representative per distinct
/// way the conditions can see it. Two profiles whose fields fall in the same classes fire the same
/// rules, because every condition leaf tests one field; so enumerating the classes is exhaustive.
/// </summary>
/// <remarks>
/// Scalar fields (enums, booleans, integers split at every threshold) always enter in full. The set
/// fields of the default rule set alone have ~2^23 class combinations, too many to cross with the
/// scalars, so they are combined by interaction strength: every combination in which at most
/// <c>strength</c> set-field tests are true at once, plus each set field with all its values.
/// </remarks>
internal sealed class ProfileSpace
{
    private readonly ImmutableArray<ImmutableArray<Action<ProfileDraftValues>>> _scalarAxes;
    private readonly ImmutableArray<SetFieldClasses> _setFields;
    private readonly ImmutableArray<ImmutableArray<int>> _setCombinations;

    private ProfileSpace(ImmutableArray<ImmutableArray<Action<ProfileDraftValues>>> scalarAxes, ImmutableArray<SetFieldClasses> setFields, int strength)
    {
        _scalarAxes = scalarAxes;
        _setFields = setFields;
        _setCombinations = [.. SetCombinations(setFields, strength)];
        Strength = strength;
    }

    public int Strength { get; }

    public long ScalarCount => _scalarAxes.Aggregate(1L, (n, axis) => n * axis.Length);

    public long SetCombinationCount => _setCombinations.Length;

    public long Count => ScalarCount * SetCombinationCount;

    /// <summary>The classes of every field that the conditions test, with flare and avoidStyles always in full because the invariants read them.</summary>
    public static ProfileSpace For(IEnumerable<Condition> conditions, int strength = int.MaxValue, bool allFields = true)
    {
        var leaves = conditions.SelectMany(Leaves).ToList();
        var scalars = ImmutableArray.CreateBuilder<ImmutableArray<Action<ProfileDraftValues>>>();
        var sets = ImmutableArray.CreateBuilder<SetFieldClasses>();
        foreach (var field in FactField.All)
        {
            var tests = leaves.Where(l => LeafField(l) == field).ToList();
            var forced = allFields && (field.Profile == ProfileFields.Flare || field.Profile == ProfileFields.AvoidStyles);
            if (tests.Count == 0 && !forced)
            {
                continue;
            }

            if (field.Kind == FieldKind.Set)
            {
                sets.Add(SetFieldClasses.For(field, tests, everyMember: forced));
            }
            else
            {
                scalars.Add(ScalarValues.For(field, tests));
            }
        }

        return new ProfileSpace(scalars.ToImmutable(), sets.ToImmutable(), strength);
    }

    public static ProfileSpace Budgeted(IEnumerable<Condition> conditions, long budget)
    {
        var list = conditions.ToList();
        var space = For(list, strength: 0);
        for (var strength = 1; strength <= 64; strength++)
        {
            var next = For(list, strength);
            if (next.Count > budget || next.Count == space.Count)
            {
                return next.Count > budget ? space : next;
            }

            space = next;
        }

        return space;
    }

    /// <summary>Whether some profile satisfies every one of the tests.</summary>
    public static bool CanHold(IReadOnlyList<Condition> tests)
    {
        if (tests.Count == 0)
        {
            return true;
        }

        var condition = new AllCondition(tests);
        return For([condition], allFields: false).Enumerate().Any(p => condition.Matches(new ProfileFact(p)));
    }

    public IEnumerable<SymptomProfile> Enumerate()
    {
        var indices = new int[_scalarAxes.Length];
        while (true)
        {
            foreach (var combination in _setCombinations)
            {
                var values = new ProfileDraftValues();
                for (var i = 0; i < indices.Length; i++)
                {
                    _scalarAxes[i][indices[i]](values);
                }

                for (var i = 0; i < _setFields.Length; i++)
                {
                    _setFields[i].Apply(values, combination[i]);
                }

                yield return values.ToProfile();
            }

            var axis = indices.Length - 1;
            while (axis >= 0 && ++indices[axis] == _scalarAxes[axis].Length)
            {
                indices[axis--] = 0;
            }

            if (axis < 0)
            {
                yield break;
            }
        }
    }

    internal static IEnumerable<Condition> Leaves(Condition condition) => condition switch
    {
        AllCondition all => all.Children.SelectMany(Leaves),
        AnyCondition any => any.Children.SelectMany(Leaves),
        NotCondition not => Leaves(not.Child),
        FactCondition or StyleAvoidedCondition => [],
        _ => [condition],
    };

    internal static FactField? LeafField(Condition leaf) => leaf switch
    {
        EnumCondition c => c.Field,
        BooleanCondition c => c.Field,
        IntegerCondition c => c.Field,
        SetCondition c => c.Field,
        _ => null,
    };

    private static IEnumerable<ImmutableArray<int>> SetCombinations(ImmutableArray<SetFieldClasses> fields, int strength)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = new int[fields.Length];
        IEnumerable<ImmutableArray<int>> Walk(int field, int budget)
        {
            if (field == fields.Length)
            {
                yield return [.. current];
                yield break;
            }

            for (var c = 0; c < fields[field].Classes.Length; c++)
            {
                var weight = fields[field].Weights[c];
                if (weight <= budget)
                {
                    current[field] = c;
                    foreach (var combination in Walk(field + 1, budget - weight))
                    {
                        yield return combination;
                    }
                }
            }

            current[field] = 0;
        }

        foreach (var combination in Walk(0, strength))
        {
            seen.Add(string.Join(',', combination));
            yield return combination;
        }

        // Each set field with every one of its values, the others empty: the heaviest case for each field.
        for (var f = 0; f < fields.Length; f++)
        {
            var full = new int[fields.Length];
            full[f] = fields[f].FullClass;
            if (seen.Add(string.Join(',', full)))
            {
                yield return [.. full];
            }
        }
    }
}
