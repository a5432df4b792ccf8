using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules.Language;
using SciaticaAdvisor.Rules.Classes;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Maps a profile to its input class: for each field, which class of the rule set's tests its value
/// falls in. Every condition leaf tests one field, so two profiles of one class fire the same rules
/// and get the same advice; the fields the advice reads directly (flare, avoidStyles and the two
/// clearance booleans) always count in full. The class is packed into one number, the cache key.
/// </summary>
internal sealed class ProfileClassifier
{
    private static readonly HashSet<ProfileField> Forced = [ProfileFields.Flare, ProfileFields.AvoidStyles, ProfileFields.DiagnosisConfirmed, ProfileFields.ClinicianApproved];

    private readonly (Func<ProfileFact, int> Index, long Radix)[] _fields;

    private ProfileClassifier((Func<ProfileFact, int>, long)[] fields) => _fields = fields;

    /// <summary>The classifier of a rule set, or null when its classes do not fit one 64-bit key.</summary>
    public static ProfileClassifier? For(IEnumerable<Condition> conditions)
    {
        var leaves = conditions.SelectMany(ProfileSpace.Leaves).ToList();
        var fields = new List<(Func<ProfileFact, int>, long)>();
        var space = 1.0;
        foreach (var field in FactField.All)
        {
            var tests = leaves.Where(l => ProfileSpace.LeafField(l) == field).ToList();
            if (tests.Count == 0 && !Forced.Contains(field.Profile))
            {
                continue;
            }

            var classifier = Classify(field, tests);
            fields.Add(classifier);
            space *= classifier.Radix;
        }

        return space < long.MaxValue / 2 ? new ProfileClassifier([.. fields]) : null;
    }

    public long KeyOf(ProfileFact profile)
    {
        var key = 0L;
        foreach (var (index, radix) in _fields)
        {
            key = (key * radix) + index(profile);
        }

        return key;
    }

    /// <summary>The interval a value falls in, given the ascending starts of the intervals.</summary>
    private static int IntervalOf(int[] starts, int value)
    {
        var index = starts.Length - 1;
        while (index > 0 && starts[index] > value)
        {
            index--;
        }

        return index;
    }

    private static (Func<ProfileFact, int> Index, long Radix) Classify(FactField field, List<Condition> tests)
    {
        switch (field.Kind)
        {
            case FieldKind.Enum:
                return (p => field.Read(p)!.Value, Enum.GetValues(field.EnumType!).Length);
            case FieldKind.Boolean:
                return (p => field.Read(p)!.Value, 2);
            case FieldKind.Integer:
                var starts = ScalarValues.Integers(field, tests).Select(v => v ?? -1).ToArray();
                return (p => IntervalOf(starts, field.Read(p) ?? -1), starts.Length);
            default:
                var size = 1 << Enum.GetValues(field.EnumType!).Length;
                if (Forced.Contains(field.Profile))
                {
                    return (p => field.Read(p)!.Value, size);
                }

                var classes = new Dictionary<long, int>();
                var table = new int[size];
                for (var mask = 0; mask < size; mask++)
                {
                    var signature = SetFieldClasses.Signature(field, tests, mask);
                    table[mask] = classes.TryGetValue(signature, out var index) ? index : classes[signature] = classes.Count;
                }

                return (p => table[field.Read(p)!.Value], classes.Count);
        }
    }
}
