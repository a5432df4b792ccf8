using System.Collections.Frozen;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor;

/// <summary>The words behind <see cref="PlainWords"/>: one label and one definition per contract value.</summary>
internal static class PlainWordsTable
{
    internal readonly record struct Words(string Display, string Definition);

    internal static FrozenDictionary<Enum, Words> Entries { get; } = new Dictionary<Enum, Words>
    {
        [SciaticaCause.HerniatedDisc] = new("Slipped (herniated) disc", "A disc between two bones of the spine bulges out and presses on the nerve."),
        [SciaticaCause.SpinalStenosis] = new("Narrowed spinal canal (spinal stenosis)", "The channel in the spine that holds the nerves has narrowed and squeezes them."),
        [SciaticaCause.PiriformisSyndrome] = new("Tight buttock muscle (piriformis syndrome)", "A muscle deep in the buttock, the piriformis, is tight and squeezes the sciatic nerve."),
        [SciaticaCause.Spondylolisthesis] = new("Slipped vertebra (spondylolisthesis)", "One bone of the spine has slipped forward over the one below and pinches the nerve."),
        [SciaticaCause.Unknown] = new("Not known yet", "No one has found the cause yet, or the person does not know it."),

        [FlareState.None] = new("No flare-up", "The pain is at its usual level; there is no flare-up now."),
        [FlareState.Subsiding] = new("Flare-up settling down", "There was a flare-up recently and it is getting better."),
        [FlareState.Acute] = new("Flare-up now", "A flare-up is happening now: the pain is at its worst and the area is inflamed."),

        [PainSensitivity.Low] = new("Firm pressure is fine", "The person is comfortable with firm pressure on the painful area."),
        [PainSensitivity.Moderate] = new("Medium pressure at most", "The person is comfortable with medium pressure on the painful area, not firm."),
        [PainSensitivity.High] = new("Only light pressure", "Anything more than light pressure on the painful area hurts."),

        [Symptom.LowerBackPain] = new("Pain in the lower back", "Pain in the lower part of the back."),
        [Symptom.ButtockPain] = new("Pain in the buttock", "Pain in one or both buttocks."),
        [Symptom.RadiatingLegPain] = new("Pain that runs down the leg", "Pain that travels from the back or buttock down the leg, sometimes to the foot."),
        [Symptom.Tingling] = new("Tingling or pins and needles", "Burning, tingling or pins and needles in the leg or foot."),
        [Symptom.Numbness] = new("Numbness in the leg or foot", "Parts of the leg or foot feel numb."),
        [Symptom.LegWeakness] = new("Weak leg", "The leg on the painful side feels weak or gives way."),
        [Symptom.WorseWhenSitting] = new("Worse when sitting", "The pain gets worse after sitting for a while."),

        [RedFlag.SaddleAnesthesia] = new("Numbness around the groin, buttocks or inner thighs ('saddle' area)", "Numbness or loss of feeling in the parts that would touch a saddle: groin, buttocks, inner thighs. This needs emergency care."),
        [RedFlag.BowelOrBladderDysfunction] = new("New trouble controlling the bladder or bowel", "New trouble holding or passing urine or stool. This needs emergency care."),
        [RedFlag.ProgressiveWeakness] = new("Leg weakness that is getting worse", "The leg is getting weaker over days or weeks. A doctor must see the person first."),
        [RedFlag.Fever] = new("Fever", "A raised temperature together with the back or leg pain. A doctor must see the person first."),
        [RedFlag.UnexplainedWeightLoss] = new("Weight loss without a reason", "Losing weight without trying or knowing why. A doctor must see the person first."),
        [RedFlag.HistoryOfCancer] = new("Cancer now or in the past", "The person has or has had cancer. A doctor must see the person first."),
        [RedFlag.RecentTrauma] = new("A recent fall, accident or injury", "A recent fall, accident or blow to the back. A doctor must rule out a broken bone first."),

        [HealthCondition.SuspectedDvt] = new("Possible blood clot in the leg (DVT)", "A doctor suspects a blood clot in a deep vein of the leg, or the leg is swollen, warm and painful. Massage could move the clot."),
        [HealthCondition.Anticoagulants] = new("Takes blood thinners", "The person takes medicine that thins the blood, so they bruise and bleed easily."),
        [HealthCondition.Osteoporosis] = new("Weak or brittle bones (osteoporosis)", "The bones are thinner than normal and break more easily."),
        [HealthCondition.Pregnancy] = new("Pregnant", "The person is pregnant."),
        [HealthCondition.RecentSpinalSurgery] = new("Recent back surgery", "The person has had an operation on the spine recently."),
        [HealthCondition.SkinLesionInArea] = new("Rash, wound or broken skin where the massage would go", "A rash, cut, wound or other skin problem on the area to be massaged."),

        [MassageStyle.Shiatsu] = new("Shiatsu (Japanese finger-pressure massage)", "Finger and thumb pressure on points along the body."),
        [MassageStyle.DeepTissue] = new("Deep tissue massage", "Slow, firm strokes that reach the deep layers of muscle."),
        [MassageStyle.LomiLomi] = new("Lomi-lomi (Hawaiian massage)", "Hawaiian massage with long, flowing strokes of the forearms and hands."),
        [MassageStyle.Relaxation] = new("Relaxation massage", "Gentle, soothing massage that calms the body."),
        [MassageStyle.Reflexology] = new("Reflexology (foot massage)", "Pressure on points of the feet."),

        [Pressure.Light] = new("Light pressure", "Gentle pressure that only touches the surface."),
        [Pressure.Moderate] = new("Medium pressure", "Pressure that is felt but does not hurt."),
        [Pressure.Firm] = new("Firm pressure", "Strong pressure that reaches the deep muscles."),

        [FocusArea.Piriformis] = new("Deep buttock muscle (piriformis)", "The piriformis, a muscle deep in the buttock next to the sciatic nerve."),
        [FocusArea.Gluteals] = new("Buttocks", "The large buttock muscles."),
        [FocusArea.LowerBack] = new("Lower back", "The lower part of the back."),
        [FocusArea.HipFlexors] = new("Front of the hip", "The muscles at the front of the hip that lift the leg."),
        [FocusArea.Hamstrings] = new("Back of the thigh", "The muscles at the back of the thigh (hamstrings)."),
        [FocusArea.Calves] = new("Calves", "The muscles at the back of the lower leg."),
        [FocusArea.Feet] = new("Feet", "The feet."),
        [FocusArea.WholeBody] = new("Whole body", "The whole body, not one area."),

        [ContraindicationLevel.Caution] = new("Use with care", "This massage may be used, but carefully and gently."),
        [ContraindicationLevel.Avoid] = new("Do not use", "This massage must not be used."),

        [ReferralUrgency.Emergency] = new("Emergency: get care now", "Go to emergency care now; no massage."),
        [ReferralUrgency.Urgent] = new("See a doctor soon, before any massage", "A doctor must see the person soon, and before any massage."),
        [ReferralUrgency.Routine] = new("See a doctor or physical therapist when convenient", "See a doctor or physical therapist in the usual way; massage can go ahead if the rest of the advice allows it."),

        [AdviceStatus.Recommended] = new("Massage recommended", "Massage is advised as described."),
        [AdviceStatus.ClearanceNeeded] = new("Doctor's clearance needed first", "The diagnosis or a doctor's or physical therapist's approval is missing; the plan is provisional until they give it."),
        [AdviceStatus.Referral] = new("See a doctor first, no massage now", "Massage is not advised now: a doctor must see the person first, or no massage style suits."),

        [AdjunctTherapy.HeatIce] = new("Ice, then heat", "Ice on the painful area first, then heat, between sessions."),

        [PlanPhase.Intensive] = new("Relief phase (frequent sessions)", "Frequent sessions to bring moderate to severe pain down."),
        [PlanPhase.Corrective] = new("Corrective phase (fewer sessions)", "Fewer sessions to work on what causes the pain."),
        [PlanPhase.Maintenance] = new("Maintenance phase (occasional sessions)", "Occasional sessions to keep the pain from coming back."),
    }.ToFrozenDictionary();
}
