using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Rules.Inspection;
using SciaticaAdvisor.Rules.Loading;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// A variant as the study file writes it. Its <c>settings</c> and <c>disable</c> become one more rule
/// layer on top of its files, so the rule loader checks them as it checks any rule file, and its
/// errors are put back on the study file's lines.
/// </summary>
internal sealed partial record VariantDefinition(
    string Name,
    ImmutableArray<(string Written, string Resolved)> Layers,
    ImmutableArray<(string Key, YamlNode Value)> Settings,
    ImmutableArray<YamlNode> Disable,
    YamlMapping Node)
{
    public StudyVariant Spec => new()
    {
        Name = Name,
        Rules = [.. Layers.Select(l => l.Written)],
        Settings = Settings
            .Where(s => s.Value is YamlScalar)
            .Select(s => (s.Key, Ok: double.TryParse(((YamlScalar)s.Value).Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v), Value: v))
            .Where(s => s.Ok)
            .ToImmutableDictionary(s => s.Key, s => s.Value),
        Disable = [.. Disable.OfType<YamlScalar>().Select(s => s.Value)],
    };

    /// <summary>
    /// How many advices a variant's advisor keeps (and for 64 times as many classes the fired rules): few,
    /// as a study answers a class it has seen from its own memo (<see cref="ClassMemo"/>) and asks the
    /// advisor only for classes new to it, which the advisor's cache would hold a second time, 38 MB of them
    /// at 1,000,000 sampled profiles. What it keeps serves the sensitivity report's perturbed profiles.
    /// </summary>
    public const int AdvisorCacheCapacity = 256;

    /// <summary>Compiles the variant's advisor, or records why it cannot be.</summary>
    public CompiledVariant? Compile(string studySource, List<StudyError> errors)
    {
        var builder = new AdvisorBuilder().UseAdviceCache(AdvisorCacheCapacity);
        foreach (var (written, resolved) in Layers)
        {
            if (written == "@default")
            {
                builder.UseDefaultRules();
            }
            else
            {
                builder.AddRuleFile(resolved);
            }
        }

        var overrideSource = $"{studySource} (variant '{Name}')";
        var lines = new Dictionary<int, YamlNode>();
        var before = errors.Count;
        if (Overrides(lines, errors, studySource) is { } yaml)
        {
            builder.AddRules(yaml, overrideSource);
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            var advisor = builder.Build();
            var layers = advisor.RuleSet.Layers is { Length: > 1 } all ? all : [advisor.RuleSet];
            var files = layers.Length - (Settings.IsEmpty && Disable.IsEmpty ? 0 : 1);
            return new CompiledVariant(Spec, advisor, StackHash(advisor.RuleSet), [.. layers.Take(files).Select(l => l.Sha256)]);
        }
        catch (RuleSetException ex)
        {
            foreach (var error in ex.Errors)
            {
                errors.Add(error.Source == overrideSource ? OnStudyLine(error, lines, studySource) : Named(error));
            }

            return null;
        }
    }

    /// <summary>The hash of the whole stack: a layer's own hash, or for several the SHA-256 of their hashes, base first, one a line.</summary>
    private static string StackHash(Advice.RuleSetInfo info)
    {
        if (info.Layers is not { Length: > 1 } layers)
        {
            return info.Sha256;
        }

        var joined = string.Join("\n", layers.Select(l => l.Sha256));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    private StudyError Named(RuleSetError error) =>
        new(error.Source, error.Line, error.Column, $"{error.Message} (in a layer of the variant '{Name}')");

    private StudyError OnStudyLine(RuleSetError error, Dictionary<int, YamlNode> lines, string studySource)
    {
        if (lines.TryGetValue(error.Line, out var node))
        {
            return new StudyError(studySource, node.Line, node.Column, error.Message);
        }

        var disabled = Disable.OfType<YamlScalar>().FirstOrDefault(d => error.Message.Contains($"'{d.Value}'", StringComparison.Ordinal));
        var at = (YamlNode?)disabled ?? Node;
        return new StudyError(studySource, at.Line, at.Column, $"variant '{Name}': {error.Message}");
    }

    /// <summary>The layer text, each value on a line of its own, or <see langword="null"/> when the variant overrides nothing.</summary>
    private string? Overrides(Dictionary<int, YamlNode> lines, List<StudyError> errors, string studySource)
    {
        if (Settings.IsEmpty && Disable.IsEmpty)
        {
            return null;
        }

        var text = new List<string> { $"name: {Json($"study-variant-{Name}")}", "version: \"study\"" };
        if (!Settings.IsEmpty)
        {
            text.Add("settings:");
            foreach (var (key, value) in Settings)
            {
                lines[text.Count + 1] = value;
                text.Add($"  {Json(key)}: {Scalar(value, errors, studySource)}");
            }
        }

        if (!Disable.IsEmpty)
        {
            text.Add("disable:");
            foreach (var id in Disable)
            {
                lines[text.Count + 1] = id;
                text.Add($"  - {Scalar(id, errors, studySource)}");
            }
        }

        text.Add("rules: []");
        return string.Join("\n", text) + "\n";
    }

    /// <summary>A plain number goes in as written so the loader judges it as a number; anything else as quoted text it will refuse by name.</summary>
    private static string Scalar(YamlNode node, List<StudyError> errors, string studySource)
    {
        if (node is not YamlScalar scalar)
        {
            errors.Add(new StudyError(studySource, node.Line, node.Column, "a setting or a disabled rule id is a single value, not a list or a mapping"));
            return "null";
        }

        return scalar.Plain && PlainNumber().IsMatch(scalar.Value) ? scalar.Value : Json(scalar.Value);
    }

    private static string Json(string text) => "\"" + JsonEncodedText.Encode(text).Value + "\"";

    [GeneratedRegex("^-?[0-9]+(\\.[0-9]+)?$")]
    private static partial Regex PlainNumber();
}

/// <summary>A variant ready to advise: its spec, its advisor, the hash of its whole rule stack, and the hashes of its rule files (not of its settings and disable layer), base first.</summary>
internal sealed record CompiledVariant(StudyVariant Spec, Advisor Advisor, string RuleSetSha256, ImmutableArray<string> FileLayers)
{
    /// <summary>The variant's rules as data, and the replay of a list of fired rules under its settings.</summary>
    public RuleSetInspection Inspection { get; } = RuleSetInspection.Of(Advisor);

    /// <summary>When the variant's rules fire as an earlier variant's do, that variant and which of its fired rules this one has; see <see cref="VariantReplay"/>.</summary>
    public VariantReplay? Replays { get; init; }
}
