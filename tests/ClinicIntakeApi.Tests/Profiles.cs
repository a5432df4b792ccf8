using System.Text.Json.Nodes;

namespace ClinicIntakeApi.Tests;

/// <summary>Profile JSON for the tests, built from one valid baseline.</summary>
internal static class Profiles
{
    public static JsonObject Valid() => new()
    {
        ["cause"] = "piriformisSyndrome",
        ["flare"] = "none",
        ["painSensitivity"] = "low",
        ["painIntensity"] = 4,
        ["symptoms"] = new JsonArray("buttockPain", "tingling"),
        ["diagnosisConfirmed"] = true,
        ["clinicianApproved"] = true,
    };

    public static JsonObject With(string property, JsonNode? value)
    {
        var profile = Valid();
        profile[property] = value;
        return profile;
    }

    public static JsonObject WithRedFlag(string flag) => With("redFlags", new JsonArray(flag));
}
