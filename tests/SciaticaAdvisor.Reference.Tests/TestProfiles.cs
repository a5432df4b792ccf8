using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Reference.Tests;

/// <summary>A plain profile to vary in each test, and the advisor under test.</summary>
internal static class TestProfiles
{
    /// <summary>Nothing limits massage, nothing raises a style, everything is cleared, maintenance phase.</summary>
    public static SymptomProfile Plain { get; } = new()
    {
        Cause = SciaticaCause.SpinalStenosis,
        Flare = FlareState.None,
        PainSensitivity = PainSensitivity.Low,
        PainIntensity = 1,
        DiagnosisConfirmed = true,
        ClinicianApproved = true,
    };

    public static MassageAdvice Advise(SymptomProfile profile) => new HandCodedAdvisor().Advise(profile);

    public static MassageStyle[] StyleOrder(this MassageAdvice advice) => [.. advice.Styles.Select(s => s.Style)];

    public static StyleAdvice Style(this MassageAdvice advice, MassageStyle style) => advice.Styles.Single(s => s.Style == style);

    public static ContraindicationLevel? LevelOf(this MassageAdvice advice, MassageStyle style) =>
        advice.Contraindications.SingleOrDefault(c => c.Style == style)?.Level;
}
