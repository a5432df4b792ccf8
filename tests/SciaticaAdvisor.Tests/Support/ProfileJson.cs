using System.Text;
using System.Text.Json;

namespace SciaticaAdvisor.Tests.Support;

/// <summary>
/// Builds profile documents for tests: starts from a valid profile and changes one thing at a time,
/// so each test shows only what it is about. Values are kept as raw JSON so tests can write what a
/// serializer never would (<c>3.0</c>, a property twice).
/// </summary>
public sealed class ProfileJson
{
    private readonly List<KeyValuePair<string, string>> _properties = [];

    private ProfileJson()
    {
    }

    /// <summary>The smallest valid profile: the four required properties.</summary>
    public static ProfileJson Minimal() => new ProfileJson()
        .With("cause", "piriformisSyndrome")
        .With("flare", "none")
        .With("painSensitivity", "low")
        .With("painIntensity", 6);

    /// <summary>The contract's example profile.</summary>
    public static ProfileJson ContractExample() => Minimal()
        .With("symptomWeeks", 5)
        .WithSet("symptoms", "buttockPain", "radiatingLegPain", "worseWhenSitting")
        .With("diagnosisConfirmed", true)
        .With("clinicianApproved", true);

    /// <summary>A profile with every property given.</summary>
    public static ProfileJson Full() => ContractExample()
        .WithSet("redFlags")
        .WithSet("conditions", "osteoporosis")
        .With("weeksInTreatment", 2)
        .WithSet("avoidStyles", "reflexology");

    public ProfileJson With(string name, string value) => WithRaw(name, Encode(value));

    public ProfileJson With(string name, int value) => WithRaw(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ProfileJson With(string name, bool value) => WithRaw(name, value ? "true" : "false");

    public ProfileJson WithNull(string name) => WithRaw(name, "null");

    public ProfileJson WithSet(string name, params string[] values) =>
        WithRaw(name, "[" + string.Join(", ", values.Select(Encode)) + "]");

    /// <summary>Sets a property to raw JSON text, replacing it where it is already given.</summary>
    public ProfileJson WithRaw(string name, string rawJson)
    {
        var index = _properties.FindIndex(p => p.Key == name);
        if (index >= 0)
        {
            _properties[index] = new(name, rawJson);
        }
        else
        {
            _properties.Add(new(name, rawJson));
        }

        return this;
    }

    /// <summary>Gives a property once more at the end, even where it is already given.</summary>
    public ProfileJson Again(string name, string rawJson)
    {
        _properties.Add(new(name, rawJson));
        return this;
    }

    public ProfileJson Without(string name)
    {
        _properties.RemoveAll(p => p.Key == name);
        return this;
    }

    /// <summary>The document on one line, as a JSON Lines file holds it.</summary>
    public string Build() =>
        "{" + string.Join(", ", _properties.Select(p => Encode(p.Key) + ": " + p.Value)) + "}";

    /// <summary>The document indented over several lines, one property a line.</summary>
    public string BuildIndented()
    {
        var builder = new StringBuilder("{\n");
        for (var i = 0; i < _properties.Count; i++)
        {
            builder.Append("  ").Append(Encode(_properties[i].Key)).Append(": ").Append(_properties[i].Value)
                .Append(i < _properties.Count - 1 ? ",\n" : "\n");
        }

        return builder.Append('}').ToString();
    }

    public override string ToString() => Build();

    private static string Encode(string value) => "\"" + JsonEncodedText.Encode(value).ToString() + "\"";
}
