using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Reference;

/// <summary>The hand-coded advisor's own numbers: scores are its choice, GUIDANCE fixes only placements and levels.</summary>
/// <remarks>
/// Every style starts at <see cref="Base"/>, so with nothing else the score order is the tie order
/// (shiatsu, deepTissue, lomiLomi, relaxation, reflexology). Each "X up" in GUIDANCE adds
/// <see cref="Up"/>; G4.1's "gold standard" adds <see cref="Up"/> to deepTissue for piriformis
/// syndrome; a style with a caution loses <see cref="CautionPenalty"/> once, however many cautions
/// it has. Placements then move styles as little as they must.
/// </remarks>
internal static class Weights
{
    public const double Base = 50;

    public const double Up = 20;

    public const double CautionPenalty = 15;

    /// <summary>G8: each style's natural pressure.</summary>
    public static Pressure NaturalPressure(MassageStyle style) => style switch
    {
        MassageStyle.DeepTissue => Pressure.Firm,
        MassageStyle.Relaxation => Pressure.Light,
        _ => Pressure.Moderate,
    };

    /// <summary>G8: the focus of a style that no rule gave a focus area.</summary>
    public static FocusArea DefaultFocus(MassageStyle style) =>
        style == MassageStyle.Reflexology ? FocusArea.Feet : FocusArea.WholeBody;

    public static string BaseRationale(MassageStyle style) => style switch
    {
        MassageStyle.Shiatsu => "Finger pressure along the body's meridians releases tension along the nerve's path.",
        MassageStyle.DeepTissue => "Slow, firm strokes release tight deep muscles that press on the nerve.",
        MassageStyle.LomiLomi => "Long, flowing strokes relax the whole body.",
        MassageStyle.Relaxation => "Gentle strokes calm the nervous system and ease pain.",
        _ => "Pressure on points of the feet eases pain without touching the sore area.",
    };
}
