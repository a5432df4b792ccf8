using System.Globalization;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Cli.Explaining;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Sampling;

/// <summary>Writes profiles as the CSV that <c>batch</c> reads: a header of every column, sets as <c>;</c>-separated cells, empty for "not given".</summary>
/// <remarks>No value the profile model allows holds a comma, a quote or a line end, so no cell needs quoting.</remarks>
internal static class ProfileCsv
{
    public static string Header { get; } = string.Join(",", CsvProfileColumns.Names);

    public static string Row(SymptomProfile profile) => string.Join(
        ",",
        Names.Of(profile.Cause),
        Names.Of(profile.Flare),
        Names.Of(profile.PainSensitivity),
        profile.PainIntensity.ToString(CultureInfo.InvariantCulture),
        profile.SymptomWeeks?.ToString(CultureInfo.InvariantCulture) ?? "",
        Set(profile.Symptoms),
        Set(profile.RedFlags),
        Set(profile.Conditions),
        profile.DiagnosisConfirmed ? "true" : "false",
        profile.ClinicianApproved ? "true" : "false",
        profile.WeeksInTreatment.ToString(CultureInfo.InvariantCulture),
        Set(profile.AvoidStyles));

    /// <summary>Members in the contract's order, so equal profiles give equal rows.</summary>
    private static string Set<T>(IEnumerable<T> members)
        where T : struct, Enum => string.Join(";", members.Order().Select(Names.Of));
}
