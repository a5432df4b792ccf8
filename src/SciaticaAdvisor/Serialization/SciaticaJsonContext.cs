using System.Text.Json.Serialization;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Serialization;

/// <summary>Source-generated JSON metadata for the contract's documents: no reflection at run time.</summary>
/// <remarks>
/// Each contract enum also carries its converter as an attribute, so plain serializer options write
/// the same names (ContractJsonTests checks every public enum has it). The list here stays: with
/// it the generator keeps the fast path whose behaviour the hand-written AdviceJsonWriter mirrors.
/// </remarks>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    Converters =
    [
        typeof(CamelCaseEnumConverter<SciaticaCause>),
        typeof(CamelCaseEnumConverter<FlareState>),
        typeof(CamelCaseEnumConverter<PainSensitivity>),
        typeof(CamelCaseEnumConverter<Symptom>),
        typeof(CamelCaseEnumConverter<RedFlag>),
        typeof(CamelCaseEnumConverter<HealthCondition>),
        typeof(CamelCaseEnumConverter<MassageStyle>),
        typeof(CamelCaseEnumConverter<Pressure>),
        typeof(CamelCaseEnumConverter<FocusArea>),
        typeof(CamelCaseEnumConverter<ContraindicationLevel>),
        typeof(CamelCaseEnumConverter<AdjunctTherapy>),
        typeof(CamelCaseEnumConverter<ReferralUrgency>),
        typeof(CamelCaseEnumConverter<AdviceStatus>),
        typeof(CamelCaseEnumConverter<PlanPhase>),
    ])]
[JsonSerializable(typeof(SymptomProfile))]
[JsonSerializable(typeof(MassageAdvice))]
internal sealed partial class SciaticaJsonContext : JsonSerializerContext;
