using System.Text.Json;
using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Contract;

/// <summary>Writes and reads an enum as its camelCase name, never as a number.</summary>
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
