using System.Globalization;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Diagnostics;

/// <summary>Finds a profile's values in log entries: enum names of its cause, flare, symptoms, red flags and conditions, and its week counts.</summary>
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

    private static IEnumerable<string> Words(SymptomProfile profile) =>
        new[] { profile.Cause.ToString() }
            .Where(c => c != nameof(SciaticaCause.Unknown))
            .Concat(profile.Flare is FlareState.None ? [] : [profile.Flare.ToString()])
            .Concat(profile.Symptoms.Select(s => s.ToString()))
            .Concat(profile.RedFlags.Select(f => f.ToString()))
            .Concat(profile.Conditions.Select(c => c.ToString()));

    private static IEnumerable<string> Numbers(SymptomProfile profile) =>
        new[] { profile.SymptomWeeks, profile.WeeksInTreatment }
            .Where(n => n is >= 100)
            .Select(n => n!.Value.ToString(CultureInfo.InvariantCulture));
}
