using System.Text.Json.Serialization;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Serialization;

/// <summary>Source-generated JSON metadata for the contract's documents: no reflection at run time.</summary>
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
