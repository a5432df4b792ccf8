using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Populations;

/// <summary>Writes profiles as the CSV that <c>batch</c> reads: a header of every column, sets as <c>;</c>-separated cells, empty for "not given".</summary>
/// <remarks>No value the profile model allows holds a comma, a quote or a line end, so no cell needs quoting.</remarks>
internal static class ProfileCsv
{
    public static string Header { get; } = string.Join(",", CsvProfileColumns.Names);

    public static string Row(SymptomProfile profile) => string.Join(",", ProfileFields.All.Select(f => ProfileText.Format(f, profile) ?? ""));
}
