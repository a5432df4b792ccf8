using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using static SciaticaAdvisor.Profiles.HealthCondition;
using static SciaticaAdvisor.Profiles.Symptom;

namespace SciaticaAdvisor.Reference;

/// <summary>
/// Profiles that stand for every class of input GUIDANCE.md tells apart, for exhaustive checks of
/// an advisor against <see cref="HandCodedAdvisor"/> and <see cref="InvariantChecker"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Representatives.</b> Each field takes one value per class of the comparisons GUIDANCE makes on
/// it: every <see cref="SciaticaCause"/>, <see cref="FlareState"/> and <see cref="PainSensitivity"/>;
/// <c>painIntensity</c> 0, 2, 4 (G10.1 splits at 2 and 4); <c>symptomWeeks</c> not given, 11, 12
/// (G6.6 splits at 12, and "not given" is not chronic); <c>weeksInTreatment</c> 0, 7 (G10.2 splits
/// above 6); both booleans: 3,240 combinations. With every subset of the four sets as well
/// (2^7 × 2^7 × 2^6 × 2^5) the product is about 1.1 × 10^11 profiles, so the sets are reduced by
/// what GUIDANCE reads of them, in three blocks.
/// </para>
/// <para>
/// <b>The argument.</b> The outputs an oracle test compares are the styles (set and order), each
/// advised style's pressure and focus areas, the contraindications (style and level), the referral
/// urgency, the status and the current phase; not scores, notes or reasons. By GUIDANCE:
/// (a) contraindications depend only on flare, cause, painSensitivity, avoidStyles and the
/// conditions anticoagulants, osteoporosis, pregnancy and recentSpinalSurgery (G3, G4, G5, G7);
/// (b) which styles are advised depends only on (a)'s fields (a style is advised unless avoided), and
/// the placements only on those, symptomWeeks, and whether tingling or numbness is present (G3.1,
/// G4.1, G4.2, G5.1, G6.1, G6.6); radiatingLegPain raises a score (G6.2) and is crossed too;
/// the other four symptoms and skinLesionInArea change only focus areas and notes (G6.3-G6.5, G7.5);
/// (c) urgency, status and phase depend only on flare, painIntensity, weeksInTreatment, the two
/// booleans, redFlags, suspectedDvt and whether any style is left (G1, G2, G9, G10);
/// (d) with a red flag or suspectedDvt the status is always referral and no style or plan is shown
/// (G1), so only (a) and the urgency remain to compare;
/// (e) pressures depend only on (a)'s fields (G3, G4.2, G5, G7, G8), so the styles block crosses them
/// in full; focus areas on cause, recentSpinalSurgery and radiatingLegPain, which it crosses, and on
/// lowerBackPain, buttockPain and worseWhenSitting (G6.3, G6.4), which it takes from the hash below,
/// so every subset of those meets every crossed class many times but not every combination. Hence:
/// </para>
/// <list type="number">
/// <item><description><b>Styles block</b>, no red flag and no suspectedDvt: every combination of cause (5),
/// flare (3), painSensitivity (3), symptomWeeks (3), every subset of {radiatingLegPain, tingling,
/// numbness} (8), every subset of {anticoagulants, osteoporosis, pregnancy, recentSpinalSurgery}
/// (16) and every subset of avoidStyles (32): 552,960 profiles, every class of (a) and (b).</description></item>
/// <item><description><b>Referral block</b>: every red-flag pattern that refers (redFlags none, each flag
/// alone or all seven, with or without suspectedDvt, less "none and without": 17) crossed with
/// every class of (a): 17 × 45 × 16 × 32 = 391,680 profiles. Urgency is the most urgent of the
/// flags present: each flag alone shows whether the advisor reads that flag at its level, and all
/// seven show the emergency winning; other combinations only add reasons, which are not compared.</description></item>
/// <item><description><b>Status block</b>: flare (3), every painIntensity 0..10 (11), weeksInTreatment 0, 6, 7
/// (3), both booleans (4), all 18 red-flag patterns, and a style left or not (avoidStyles none or
/// all: 2): 14,256 profiles, every class of (c), with both sides of each threshold.</description></item>
/// </list>
/// <para>
/// Total <see cref="Count"/> = 958,896 profiles: about 10 s on 2 cores at 20 µs a profile. The
/// fields a block does not cross are not fixed: each profile takes them from a fixed hash of its
/// place in the block (every painIntensity class, weeksInTreatment, boolean, symptom subset and
/// skinLesionInArea shows up many times), so an advisor that wrongly couples a crossed field with
/// one of them is likely, though not certain, to be caught. The reduction is exact for GUIDANCE
/// itself; it is exhaustive for an advisor only to the extent that the advisor reads its fields as
/// GUIDANCE does, which is what the oracle test is there to check on this many profiles.
/// </para>
/// <para>
/// <see cref="Smoke"/> keeps the three blocks with fewer set classes, for fast unit tests.
/// Enumeration is deterministic: the same profiles in the same order every time.
/// </para>
/// </remarks>
public static class InputClasses
{
    /// <summary>How many profiles <see cref="All"/> yields.</summary>
    public static long Count => Full.StylesCount + Full.ReferralCount + StatusBlock.Count;

    /// <summary>How many profiles <see cref="Smoke"/> yields.</summary>
    public static long SmokeCount => Reduced.StylesCount + Reduced.ReferralCount + StatusBlock.Count;

    /// <summary>Every input class of GUIDANCE, one profile each, as argued in the remarks.</summary>
    /// <returns>The profiles, <see cref="Count"/> of them, in a fixed order.</returns>
    public static IEnumerable<SymptomProfile> All() =>
        Full.StylesBlock().Concat(Full.ReferralBlock()).Concat(StatusBlock.Block());

    /// <summary>
    /// A smaller set for fast tests: the styles and referral blocks with conditions none, each alone
    /// or all four, and avoidStyles none, deepTissue, lomiLomi, reflexology, relaxation+reflexology
    /// or all (styles block), conditions and avoidStyles none or all (referral block); the status block whole.
    /// </summary>
    /// <returns>The profiles, <see cref="SmokeCount"/> of them, in a fixed order.</returns>
    public static IEnumerable<SymptomProfile> Smoke() =>
        Reduced.StylesBlock().Concat(Reduced.ReferralBlock()).Concat(StatusBlock.Block());

    internal static SciaticaCause[] Causes { get; } = Enum.GetValues<SciaticaCause>();

    internal static FlareState[] Flares { get; } = Enum.GetValues<FlareState>();

    internal static PainSensitivity[] Sensitivities { get; } = Enum.GetValues<PainSensitivity>();

    internal static int[] PainIntensities { get; } = [0, 2, 4];

    internal static int?[] SymptomWeeks { get; } = [null, 11, 12];

    internal static int[] WeeksInTreatment { get; } = [0, 7];

    /// <summary>The symptoms that change a score or a placement (G6.1, G6.2).</summary>
    internal static int[] StyleSymptoms { get; } = ProfileSets.Subsets(RadiatingLegPain, Tingling, Numbness);

    /// <summary>The symptoms that change only focus areas and notes (G6.3, G6.4, G6.5).</summary>
    internal static int[] OtherSymptoms { get; } = ProfileSets.Subsets(LowerBackPain, ButtockPain, WorseWhenSitting, LegWeakness);

    /// <summary>Red flags none, each alone, all; each with and without suspectedDvt.</summary>
    internal static (int RedFlags, bool Dvt)[] RedPatterns { get; } =
        [.. ProfileSets.NoneEachAll<RedFlag>().SelectMany(flags => new[] { (flags, false), (flags, true) })];

    private static readonly InputBlocks Full = new(
        Safety: ProfileSets.Subsets(Anticoagulants, Osteoporosis, Pregnancy, RecentSpinalSurgery),
        StylesAvoided: ProfileSets.Subsets(Enum.GetValues<MassageStyle>()),
        ReferralSafety: ProfileSets.Subsets(Anticoagulants, Osteoporosis, Pregnancy, RecentSpinalSurgery),
        ReferralAvoided: ProfileSets.Subsets(Enum.GetValues<MassageStyle>()));

    private static readonly InputBlocks Reduced = new(
        Safety: [0, .. new[] { Anticoagulants, Osteoporosis, Pregnancy, RecentSpinalSurgery }.Select(c => ProfileSets.Bit(c)), ProfileSets.Mask(Anticoagulants, Osteoporosis, Pregnancy, RecentSpinalSurgery)],
        StylesAvoided:
        [
            0,
            ProfileSets.Mask(MassageStyle.DeepTissue),
            ProfileSets.Mask(MassageStyle.LomiLomi),
            ProfileSets.Mask(MassageStyle.Reflexology),
            ProfileSets.Mask(MassageStyle.Relaxation, MassageStyle.Reflexology),
            ProfileSets.Mask(Enum.GetValues<MassageStyle>()),
        ],
        ReferralSafety: [0, ProfileSets.Mask(Anticoagulants, Osteoporosis, Pregnancy, RecentSpinalSurgery)],
        ReferralAvoided: [0, ProfileSets.Mask(Enum.GetValues<MassageStyle>())]);
}
