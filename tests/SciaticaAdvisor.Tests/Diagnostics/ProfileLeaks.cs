using System.Globalization;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Diagnostics;

/// <summary>Finds a profile's values in log entries: the enum names and the large numbers of its fields.</summary>
internal static class ProfileLeaks
{
    /// <summary>The structured values a log entry may carry: ids, names, counts and durations, never a profile field.</summary>
    public static readonly IReadOnlySet<string> AllowedValueNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "{OriginalFormat}", "Name", "Version", "Sha256", "RuleCount", "Milliseconds", "Status", "FiredCount", "ViolationCount",
    };

    public static IEnumerable<string> Find(IEnumerable<LogEntry> entries, IEnumerable<SymptomProfile> profiles)
    {
        var words = profiles.SelectMany(Words).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var numbers = profiles.SelectMany(Numbers).Distinct().ToList();
        foreach (var entry in entries)
        {
            var text = entry.Message + " " + string.Join(" ", entry.Values.Select(v => $"{v.Key}={v.Value}"));
            foreach (var word in words.Where(w => text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"event {entry.EventId} names '{word}': {entry.Message}";
            }

            foreach (var number in numbers.Where(n => Regex.IsMatch(text, $@"(?<![\d.]){n}(?![\d.])")))
            {
                yield return $"event {entry.EventId} has the number {number}: {entry.Message}";
            }

            foreach (var name in entry.Values.Select(v => v.Key).Where(k => !AllowedValueNames.Contains(k)))
            {
                yield return $"event {entry.EventId} logs a value named '{name}', which is not known to be free of profile data";
            }
        }
    }

    /// <summary>
    /// The names of every enum value the profile holds, from the field table, so a new field is
    /// checked too; the values every profile can have by default (no flare, an unknown cause) and the
    /// sensitivity words, which plain English uses ("low", "high"), are left out.
    /// </summary>
    private static IEnumerable<string> Words(SymptomProfile profile) =>
        ProfileFields.All
            .Where(f => f.Kind is ProfileFieldKind.Choice or ProfileFieldKind.Set && f.EnumType != typeof(PainSensitivity))
            .SelectMany(f => f.GetValue(profile) switch
            {
                Enum one => [one],
                System.Collections.IEnumerable many => many.Cast<Enum>(),
                _ => [],
            })
            .Where(v => !v.Equals(SciaticaCause.Unknown) && !v.Equals(FlareState.None))
            .Select(v => v.ToString());

    /// <summary>Every number field's value, where it is large enough not to be mistaken for a count or an id.</summary>
    private static IEnumerable<string> Numbers(SymptomProfile profile) =>
        ProfileFields.All
            .Where(f => f.Kind == ProfileFieldKind.Number)
            .Select(f => f.GetValue(profile) as int?)
            .Where(n => n is >= 100)
            .Select(n => n!.Value.ToString(CultureInfo.InvariantCulture));
}
