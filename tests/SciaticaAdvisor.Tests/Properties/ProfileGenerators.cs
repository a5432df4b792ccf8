using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Tests.Properties;

/// <summary>FsCheck generators for valid profiles over the whole input space, sets included.</summary>
public static class ProfileGenerators
{
    public static Arbitrary<SymptomProfile> Profiles() => Gen().ToArbitrary();

    public static Gen<SymptomProfile> Gen() =>
        from cause in EnumGen<SciaticaCause>()
        from flare in EnumGen<FlareState>()
        from sensitivity in EnumGen<PainSensitivity>()
        from intensity in FsCheck.Fluent.Gen.Choose(0, 10)
        from weeks in FsCheck.Fluent.Gen.Frequency((1, FsCheck.Fluent.Gen.Constant<int?>(null)), (3, FsCheck.Fluent.Gen.Choose(0, 520).Select(w => (int?)w)))
        from symptoms in SetGen<Symptom>()
        from redFlags in SetGen<RedFlag>(sparse: true)
        from conditions in SetGen<HealthCondition>(sparse: true)
        from avoid in SetGen<MassageStyle>(sparse: true)
        from diagnosed in ArbMap.Default.GeneratorFor<bool>()
        from approved in ArbMap.Default.GeneratorFor<bool>()
        from inTreatment in FsCheck.Fluent.Gen.Choose(0, 520)
        select new SymptomProfile
        {
            Cause = cause,
            Flare = flare,
            PainSensitivity = sensitivity,
            PainIntensity = intensity,
            SymptomWeeks = weeks,
            Symptoms = symptoms,
            RedFlags = redFlags,
            Conditions = conditions,
            DiagnosisConfirmed = diagnosed,
            ClinicianApproved = approved,
            WeeksInTreatment = inTreatment,
            AvoidStyles = avoid,
        };

    private static Gen<T> EnumGen<T>()
        where T : struct, Enum => FsCheck.Fluent.Gen.Elements(Enum.GetValues<T>());

    private static Gen<ImmutableHashSet<T>> SetGen<T>(bool sparse = false)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var member = sparse ? FsCheck.Fluent.Gen.Frequency((4, FsCheck.Fluent.Gen.Constant(false)), (1, FsCheck.Fluent.Gen.Constant(true))) : ArbMap.Default.GeneratorFor<bool>();
        return member.ArrayOf(values.Length).Select(present => values.Where((_, i) => present[i]).ToImmutableHashSet());
    }
}
