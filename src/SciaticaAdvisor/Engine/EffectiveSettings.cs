using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Engine;

/// <summary>The settings in force after layering: caution penalty, natural pressures and default focus per style.</summary>
internal sealed class EffectiveSettings
{
    public const double DefaultCautionPenalty = 10;

    private readonly Pressure[] _natural = [Pressure.Moderate, Pressure.Firm, Pressure.Moderate, Pressure.Light, Pressure.Moderate];
    private readonly int[] _defaultFocus =
    [
        FocusBit(FocusArea.WholeBody), FocusBit(FocusArea.WholeBody), FocusBit(FocusArea.WholeBody),
        FocusBit(FocusArea.WholeBody), FocusBit(FocusArea.Feet),
    ];

    public double CautionPenalty { get; private set; } = DefaultCautionPenalty;

    public Pressure NaturalPressure(MassageStyle style) => _natural[(int)style];

    public int DefaultFocus(MassageStyle style) => _defaultFocus[(int)style];

    public static EffectiveSettings From(IEnumerable<Rules.Language.RuleSetDocument> layers)
    {
        var settings = new EffectiveSettings();
        foreach (var layer in layers)
        {
            settings.CautionPenalty = layer.CautionPenalty ?? settings.CautionPenalty;
            foreach (var (style, styleSettings) in layer.Styles)
            {
                settings._natural[(int)style] = styleSettings.Pressure ?? settings._natural[(int)style];
                settings._defaultFocus[(int)style] = styleSettings.FocusMask ?? settings._defaultFocus[(int)style];
            }
        }

        return settings;
    }

    private static int FocusBit(FocusArea area) => 1 << (int)area;
}
