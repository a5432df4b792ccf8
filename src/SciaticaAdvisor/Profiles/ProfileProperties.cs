using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace SciaticaAdvisor.Profiles;

/// <summary>The profile's JSON property names, in the contract's order (<see cref="ProfileFields.All"/>), and what each allows.</summary>
internal static class ProfileProperties
{
    public static ImmutableArray<string> Names { get; } = [.. ProfileFields.All.Select(f => f.Name)];

    public static ImmutableArray<ProfileField> Required { get; } = [.. ProfileFields.All.Where(f => f.IsRequired)];

    public static string Expected { get; } = string.Join(", ", Names);

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The index of the current property name, or -1 for a name that is not a profile property.</summary>
    /// <remarks>A name whose escapes do not decode (<c>"\ud800"</c>) makes the reader throw while comparing; it is no profile property.</remarks>
    public static int Match(ref Utf8JsonReader reader)
    {
        // The usual name, neither escaped nor split across buffers, is compared as bytes: a name of
        // another length is refused by the length alone, where ValueTextEquals checks the token each time.
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var name = reader.ValueSpan;
            for (var i = 0; i < Utf8Names.Length; i++)
            {
                if (name.SequenceEqual(Utf8Names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

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

    /// <summary>What a field allows, for the error of a missing required field.</summary>
    public static string Describe(ProfileField field) => field.Kind switch
    {
        ProfileFieldKind.Choice => $"one of {field.EnumCodes.Expected}",
        ProfileFieldKind.Number => $"an integer between {field.Minimum} and {field.Maximum}",
        ProfileFieldKind.Boolean => "true or false",
        ProfileFieldKind.Set => $"an array of distinct values from {field.EnumCodes.Expected}",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "a profile field kind the reader does not know"),
    };
}
