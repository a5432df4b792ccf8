using System.Text;

namespace SciaticaAdvisor.Tests.Reliability.Fuzzing;

/// <summary>
/// Seeded generators of hostile profile documents: mutations of a valid profile (structure, values,
/// then bytes), arbitrary JSON, and arbitrary bytes. Equal seeds give equal inputs.
/// </summary>
/// <remarks>Shared by the xunit tests and the console fuzzer (tests/SciaticaAdvisor.Fuzz links this file).</remarks>
internal static class ProfileMutator
{
    /// <summary>Values that are not plain integers in range, or not of the right type at all.</summary>
    public static readonly string[] OddValues =
    [
        "5.0", "1e1", "1E+1", "1e400", "-1e400", "05", "-0", "-0.0", "0.0", "1.", ".5", "+3", "0x10", "NaN", "-NaN", "Infinity",
        "-Infinity", "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775808",
        "1" + new string('0', 400), "-" + new string('9', 5000), "1e-400", "11", "-1", "521", "10", "0",
        "true", "false", "null", "nul", "True", "\"\"", "\"3\"", "\"acute\"", "[]", "{}", "[null]", "[[]]", "{\"a\":1}",
        "[\"tingling\",\"tingling\"]", "[\"Tingling\"]", "[1,2,3]", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "\"\\uD83D\\uDE00\"", "\"\\u0061cute\"", "\"ac\\u0075te\"", "'acute'", "\"acute", "acute", "\"\t\"", "\"a\nb\"",
        "\"\\x41\"", "\"\\/\"", "[\"fever\",]", "[,]", "{\"cause\":\"unknown\"}",
    ];

    /// <summary>A valid profile with 1 to 4 mutations; the kind of each is picked by the seed.</summary>
    public static byte[] Mutated(Random random)
    {
        var properties = FuzzRuleSet.ValidProperties(random);
        var structural = random.Next(4);
        for (var i = 0; i < structural; i++)
        {
            MutateStructure(random, properties);
        }

        var text = FuzzRuleSet.Join(properties, compact: random.Next(3) != 0);
        var bytes = Encoding.UTF8.GetBytes(text);
        var byteLevel = structural == 0 ? 1 + random.Next(2) : random.Next(3);
        for (var i = 0; i < byteLevel; i++)
        {
            bytes = MutateBytes(random, bytes);
        }

        return bytes;
    }

    /// <summary>An input of one of four kinds: a valid profile (so Advise gets work too), a mutated profile (most), arbitrary JSON, or arbitrary bytes.</summary>
    public static byte[] Any(Random random) => random.Next(10) switch
    {
        < 1 => Encoding.UTF8.GetBytes(FuzzRuleSet.ValidProfileJson(random)),
        < 7 => Mutated(random),
        < 9 => Encoding.UTF8.GetBytes(ArbitraryJson(random, 0)),
        _ => ArbitraryBytes(random),
    };

    public static byte[] ArbitraryBytes(Random random)
    {
        var bytes = new byte[random.Next(0, random.Next(2) == 0 ? 16 : 512)];
        random.NextBytes(bytes);
        if (bytes.Length > 0 && random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    /// <summary>Arbitrary JSON, sometimes invalid: objects that may use profile names, arrays, scalars.</summary>
    public static string ArbitraryJson(Random random, int depth)
    {
        var kind = random.Next(depth > 4 ? 4 : 7);
        switch (kind)
        {
            case 0: return FuzzRuleSet.Pick(random, OddValues);
            case 1: return FuzzRuleSet.Quote(FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues));
            case 2: return random.Next(-20, 600).ToString(System.Globalization.CultureInfo.InvariantCulture);
            case 3: return RandomString(random);
            case 4:
            case 5:
                var properties = new List<KeyValuePair<string, string>>();
                var count = random.Next(0, 14);
                for (var i = 0; i < count; i++)
                {
                    var name = random.Next(4) == 0 ? RandomString(random) : FuzzRuleSet.Pick(random, FuzzRuleSet.PropertyNames);
                    properties.Add(new(name, ArbitraryJson(random, depth + 1)));
                }

                return FuzzRuleSet.Join(properties);
            default:
                var items = Enumerable.Range(0, random.Next(0, 6)).Select(_ => ArbitraryJson(random, depth + 1));
                return "[" + string.Join(",", items) + "]";
        }
    }

    private static void MutateStructure(Random random, List<KeyValuePair<string, string>> properties)
    {
        var index = properties.Count == 0 ? -1 : random.Next(properties.Count);
        switch (random.Next(12))
        {
            case 0 when index >= 0:
                properties.RemoveAt(index);
                break;
            case 1 when index >= 0:
                // Duplicate a property, with the same or another value.
                var value = random.Next(2) == 0 ? properties[index].Value : FuzzRuleSet.Pick(random, OddValues);
                properties.Insert(random.Next(properties.Count + 1), new(properties[index].Key, value));
                break;
            case 2 when index >= 0:
                properties[index] = new(Rename(random, properties[index].Key), properties[index].Value);
                break;
            case 3 when index >= 0:
            case 4 when index >= 0:
                properties[index] = new(properties[index].Key, FuzzRuleSet.Pick(random, OddValues));
                break;
            case 5 when index >= 0:
                properties[index] = new(properties[index].Key, FuzzRuleSet.Quote(new string((char)random.Next('a', 'z' + 1), random.Next(100, 200_000))));
                break;
            case 6:
                // Deep nesting, as a value or under a new property.
                var depth = random.Next(2) == 0 ? random.Next(60, 70) : 10_000;
                var nested = random.Next(2) == 0
                    ? new string('[', depth) + new string(']', depth)
                    : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                properties.Insert(random.Next(properties.Count + 1), new(index >= 0 && random.Next(2) == 0 ? properties[index].Key : "nested", nested));
                break;
            case 7:
                properties.Add(new(FuzzRuleSet.Pick(random, FuzzRuleSet.PropertyNames), ArbitraryJson(random, 0)));
                break;
            case 8 when index >= 0:
                // A set with many values, repeated or unknown.
                var many = Enumerable.Range(0, random.Next(2, 3000)).Select(_ => FuzzRuleSet.Quote(FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues)));
                properties[index] = new(properties[index].Key, "[" + string.Join(",", many) + "]");
                break;
            case 9 when index >= 0:
                // Move an enum value to another property.
                properties[index] = new(properties[index].Key, FuzzRuleSet.Quote(FuzzRuleSet.Pick(random, FuzzRuleSet.AllValues)));
                break;
            case 10:
                FuzzRuleSet.Shuffle(random, properties);
                break;
            default:
                properties.Add(new(RandomString(random).Trim('"'), FuzzRuleSet.Pick(random, OddValues)));
                break;
        }
    }

    private static string Rename(Random random, string name) => name.Length == 0 ? FuzzRuleSet.Pick(random, FuzzRuleSet.PropertyNames) : random.Next(6) switch
    {
        0 => char.ToUpperInvariant(name[0]) + name[1..],
        1 => name.ToUpperInvariant(),
        2 => name + "s",
        3 => "\"\\u" + ((int)name[0]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) + name[1..] + "\"",
        4 => FuzzRuleSet.Pick(random, FuzzRuleSet.PropertyNames),
        _ => name.Length > 1 ? name[..^1] : "",
    };

    private static string RandomString(Random random)
    {
        var length = random.Next(0, random.Next(10) == 0 ? 5000 : 20);
        var builder = new StringBuilder("\"");
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(12) switch
            {
                0 => "\\u" + random.Next(0xD800, 0xE000).ToString("x4", System.Globalization.CultureInfo.InvariantCulture),
                1 => "\\\"",
                2 => "\\n",
                3 => ((char)random.Next(0x80, 0x3000)).ToString(),
                4 => "'",
                _ => ((char)random.Next(0x20, 0x7F)).ToString().Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal),
            });
        }

        return builder.Append('"').ToString();
    }

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC3, 0x28], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xE2, 0x82], [0x00], [0x1F],
    ];

    private static byte[] MutateBytes(Random random, byte[] bytes)
    {
        var at = random.Next(bytes.Length + 1);
        switch (random.Next(11))
        {
            case 0:
                return [.. bytes[..at], .. FuzzRuleSet.Pick(random, InvalidUtf8), .. bytes[at..]];
            case 1:
                return [.. Encoding.UTF8.GetPreamble(), .. bytes];
            case 2:
                return [.. bytes, .. Encoding.UTF8.GetBytes(FuzzRuleSet.Pick(random, TrailingGarbage))];
            case 3:
                return bytes[..at];
            case 4 when bytes.Length > 0:
                var copy = (byte[])bytes.Clone();
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            case 5:
                return [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
            case 6:
                var end = Math.Min(bytes.Length, at + random.Next(1, 10));
                return [.. bytes[..at], .. bytes[end..]];
            case 7:
                return Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(",", ",\r\n", StringComparison.Ordinal));
            case 8:
                return Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes));
            case 9:
                // A structural character swapped for another.
                var structural = bytes.Select((b, i) => (b, i)).Where(p => "{}[]:,\"".Contains((char)p.b, StringComparison.Ordinal)).ToList();
                if (structural.Count == 0)
                {
                    return bytes;
                }

                var swapped = (byte[])bytes.Clone();
                swapped[FuzzRuleSet.Pick(random, structural).i] = (byte)"{}[]:,\""[random.Next(7)];
                return swapped;
            default:
                return [.. Encoding.UTF8.GetBytes(new string(' ', random.Next(0, 3)) + "\t\n"), .. bytes, .. "\n "u8];
        }
    }

    private static readonly string[] TrailingGarbage = ["x", "}", "{}", ",", " //", "/* c */", "\u0000", "\n{\"cause\":1}", "]", "null"];
}
