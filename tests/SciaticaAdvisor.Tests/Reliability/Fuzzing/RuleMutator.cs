using System.Globalization;
using System.Text;

namespace SciaticaAdvisor.Tests.Reliability.Fuzzing;

/// <summary>
/// Seeded generators of hostile rule files: line edits, indentation, swapped values, tags, anchors,
/// alias bombs, huge files, deep nesting, huge scalars, duplicate keys, BOM and line-end changes.
/// </summary>
/// <remarks>Shared by the xunit tests and the console fuzzer (tests/SciaticaAdvisor.Fuzz links this file).</remarks>
internal static class RuleMutator
{
    public static readonly string[] Tags =
    [
        "!!System.Diagnostics.Process", "!System.Diagnostics.Process,System", "!<tag:yaml.org,2002:str>", "!!str", "!!int",
        "!!python/object/apply:os.system", "!foo", "!!binary", "!!map", "!!seq", "!<!>",
    ];

    private static readonly string[] Values =
    [
        "acute", "deepTissue", "avoid", "light", "firm", "emergency", "intensive", "heatIce", "feet", "G1", "G3.1", "x",
        "0", "-1", "10001", "99999999999999999999", "1e400", ".inf", "-.inf", ".nan", "NaN", "0x10", "0o7", "1_000", "~", "null",
        "''", "\"\"", "true", "yes", "on", "[]", "{}", "[a, b]", "{ a: 1 }", "|", ">", "\"\\ud800\"", "\"\\u0000\"", "'\t'",
        "p => System.IO.File.Delete(\"x\")", "System.Environment.Exit(1)", "{ style: deepTissue }", "- a", "? a", ": a", "&a x", "*a",
        "<<: *a", "%YAML 1.1", "---", "...", "@x", "`x`", "#", "a # b", "\"unterminated", "'unterminated", "[unclosed", "{unclosed",
    ];

    /// <summary>The seed of case <paramref name="index"/> of a run with <paramref name="seed"/>: a fixed mix (SplitMix64), unlike <see cref="HashCode"/>, which differs per process.</summary>
    public static int CaseSeed(int seed, int index, int salt)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + ((ulong)(uint)salt * 0x9E3779B97F4A7C15UL));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return unchecked((int)(z ^ (z >> 31)));
    }

    /// <summary>A rule set (the fuzz rule set unless <paramref name="baseText"/> is given) with 1 to 4 mutations.</summary>
    public static string Mutated(Random random, string? baseText = null)
    {
        var text = baseText ?? FuzzRuleSet.Text;
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            text = Mutate(random, text);
        }

        return text;
    }

    /// <summary>One mutation of a rule file's text.</summary>
    public static string Mutate(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        var index = random.Next(lines.Count);
        switch (random.Next(20))
        {
            case 0:
                lines.RemoveAt(index);
                break;
            case 1:
                lines.Insert(index, lines[index]);
                break;
            case 2:
                var other = random.Next(lines.Count);
                (lines[index], lines[other]) = (lines[other], lines[index]);
                break;
            case 3:
                var indent = random.Next(3) switch { 0 => "\t", 1 => " ", _ => new string(' ', random.Next(1, 6)) };
                lines[index] = random.Next(2) == 0 ? indent + lines[index] : lines[index].TrimStart();
                break;
            case 4:
            case 5:
                lines[index] = ReplaceValue(random, lines[index], ValueFrom(random, lines));
                break;
            case 6:
                lines[index] = ReplaceValue(random, lines[index], FuzzRuleSet.Pick(random, Values));
                break;
            case 7:
                lines[index] = ReplaceValue(random, lines[index], FuzzRuleSet.Pick(random, Tags) + " " + ValueOf(lines[index]));
                break;
            case 8:
                lines[index] = ReplaceValue(random, lines[index], "&a " + ValueOf(lines[index]));
                lines.Insert(Math.Min(lines.Count, index + 1 + random.Next(5)), Indentation(lines[index]) + "extra: *a");
                break;
            case 9:
                return AliasBomb(random.Next(2, 10)) + (random.Next(2) == 0 ? text : "");
            case 10:
                // A duplicate key: the line again with another value.
                lines.Insert(index + 1, ReplaceValue(random, lines[index], FuzzRuleSet.Pick(random, Values)));
                break;
            case 11:
                return "\uFEFF" + text;
            case 12:
                return text.Replace("\n", random.Next(2) == 0 ? "\r\n" : "\r", StringComparison.Ordinal);
            case 13:
                lines[index] = ReplaceValue(random, lines[index], new string('x', random.Next(1990, 2010)));
                break;
            case 14:
                var depth = random.Next(2) == 0 ? random.Next(60, 70) : random.Next(1000, 100_000);
                var deep = random.Next(2) == 0 ? new string('[', depth) + new string(']', depth) : string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth);
                lines[index] = ReplaceValue(random, lines[index], deep);
                break;
            case 15:
                return text[..random.Next(text.Length + 1)];
            case 16 when text.Length > 0:
                var chars = text.ToCharArray();
                chars[random.Next(chars.Length)] = FuzzRuleSet.Pick(random, "\0\t\r\"'{}[],:-#&*!|>%@`?\\\u2028\u00A0\uD800\uFFFE".ToCharArray());
                return new string(chars);
            case 17:
                // Nested conditions, deeper than the rule language allows, within the YAML depth limit.
                var nesting = random.Next(10, 40);
                var condition = string.Concat(Enumerable.Repeat("{ not: ", nesting)) + "{ flare: acute }" + new string('}', nesting);
                lines.Add($"  - {{ id: deep-{nesting}, name: Deep, guidance: G1, when: {condition}, then: [ {{ note: x }} ] }}");
                break;
            case 18:
                lines.Insert(index, "---");
                break;
            default:
                lines.Add(RandomRule(random));
                break;
        }

        return string.Join('\n', lines);
    }

    /// <summary>A rule file with <paramref name="count"/> simple rules.</summary>
    public static string ManyRules(int count)
    {
        var builder = new StringBuilder("name: many\nversion: 1.0.0\nrules:\n");
        builder.Append("- { id: base, name: Base, guidance: G8, then: [ { recommend: { style: relaxation, score: 1 } }, { phase: maintenance } ] }\n");
        for (var i = 1; i < count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $"- {{id: r-{i}, name: R{i}, guidance: G1, when: {{painIntensity: {i % 11}}}, then: [{{note: n}}]}}\n");
        }

        return builder.ToString();
    }

    /// <summary>The billion-laughs shape: each level repeats the one below nine times.</summary>
    public static string AliasBomb(int levels)
    {
        var builder = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < levels; i++)
        {
            var below = string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9));
            builder.Append(CultureInfo.InvariantCulture, $"l{i}: &l{i} [{below}]\n");
        }

        return builder.ToString();
    }

    private static string RandomRule(Random random)
    {
        var field = FuzzRuleSet.Pick(random, FuzzRuleSet.PropertyNames);
        var value = random.Next(2) == 0 ? FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues) : FuzzRuleSet.Pick(random, Values);
        var action = random.Next(6) switch
        {
            0 => $"recommend: {{ style: {FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues)}, score: {random.Next(-100, 100)} }}",
            1 => $"contraindicate: {{ style: {FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues)}, level: {FuzzRuleSet.Pick(random, Values)}, reason: r }}",
            2 => $"capPressure: {{ max: {FuzzRuleSet.Pick(random, Values)} }}",
            3 => $"rankFirst: {FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues)}",
            4 => $"phase: {FuzzRuleSet.Pick(random, Values)}",
            _ => $"refer: {{ urgency: {FuzzRuleSet.Pick(random, Values)}, reason: r }}",
        };
        return $"  - {{ id: fuzz-{random.Next(1000)}, name: Fuzz, guidance: G{random.Next(12)}, when: {{ {field}: {value} }}, then: [ {{ {action} }} ] }}";
    }

    private static string ValueFrom(Random random, List<string> lines)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var value = ValueOf(FuzzRuleSet.Pick(random, lines));
            if (value.Length > 0)
            {
                return value;
            }
        }

        return "x";
    }

    private static string ValueOf(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? "" : line[(colon + 2)..];
    }

    private static string Indentation(string line) => line[..(line.Length - line.TrimStart().Length)];

    private static string ReplaceValue(Random random, string line, string value)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return line + " " + value;
        }

        // Sometimes replace only up to the next comma or brace, inside a flow mapping.
        var end = line.Length;
        if (random.Next(2) == 0)
        {
            var stop = line.IndexOfAny([',', '}', ']'], colon + 2);
            end = stop < 0 ? line.Length : stop;
        }

        return line[..(colon + 2)] + value + line[end..];
    }
}
