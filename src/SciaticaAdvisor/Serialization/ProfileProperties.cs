using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Serialization;

/// <summary>The profile's JSON property names, in the contract's order, and what each allows.</summary>
internal static class ProfileProperties
{
    public static ImmutableArray<string> Names { get; } =
    [
        "cause", "flare", "painSensitivity", "painIntensity", "symptomWeeks", "symptoms", "redFlags",
        "conditions", "diagnosisConfirmed", "clinicianApproved", "weeksInTreatment", "avoidStyles",
    ];

    public static ImmutableArray<int> Required { get; } = [0, 1, 2, 3];

    public static string Expected { get; } = string.Join(", ", Names);

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The index of the current property name, or -1 for a name that is not a profile property.</summary>
    /// <remarks>A name whose escapes do not decode (<c>"\ud800"</c>) makes the reader throw while comparing; it is no profile property.</remarks>
    public static int Match(ref Utf8JsonReader reader)
    {
        try
        {
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (reader.ValueTextEquals(Utf8Names[i]))
                {
                    return i;
                }
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: not a name of ours.
        }

        return -1;
    }

    /// <summary>The position of a path's property in the contract's order, for sorting errors.</summary>
    public static int OrderOf(string path)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            var name = Names[i];
            if (path.Length > 2 + name.Length - 1 && path.AsSpan(2).StartsWith(name, StringComparison.Ordinal)
                && (path.Length == 2 + name.Length || path[2 + name.Length] == '['))
            {
                return i;
            }
        }

        return path == JsonPath.Root ? -1 : Names.Length;
    }

    public static string Describe(int index) => index switch
    {
        0 => $"one of {EnumNames<SciaticaCause>.Expected}",
        1 => $"one of {EnumNames<FlareState>.Expected}",
        2 => $"one of {EnumNames<PainSensitivity>.Expected}",
        3 => $"an integer between {ProfileLimits.MinPainIntensity} and {ProfileLimits.MaxPainIntensity}",
        _ => "a value",
    };
}
