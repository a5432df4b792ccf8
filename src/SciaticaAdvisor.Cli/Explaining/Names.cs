using System.Text.Json;

namespace SciaticaAdvisor.Cli.Explaining;

/// <summary>The contract's camelCase name of an enum value, as the JSON writes it (<c>deepTissue</c>).</summary>
internal static class Names
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
