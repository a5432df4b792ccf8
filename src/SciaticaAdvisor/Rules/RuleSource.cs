using System.Collections.Immutable;
using System.Text;

namespace SciaticaAdvisor.Rules;

/// <summary>A rule file's text and the name it goes by in errors and provenance.</summary>
internal sealed record RuleSource(string Name, Func<string> ReadText)
{
    private const string DefaultResource = "SciaticaAdvisor.Rules.sciatica-massage.yaml";

    /// <summary>
    /// The built-in set, whose SHA-256 was taken when the library was built (<see cref="RuleSetHash.BuiltIn"/>,
    /// checked against <see cref="RuleSetHash.Of"/> by a test): a cold start then neither hashes the
    /// text nor loads OpenSSL for it.
    /// </summary>
    public static RuleSource Default { get; } = new("sciatica-massage.yaml (built-in)", ReadDefault) { Sha256 = RuleSetHash.BuiltIn };

    /// <summary>The text's <see cref="RuleSetHash.Of"/> when it is known without reading the text; otherwise <see langword="null"/>.</summary>
    public string? Sha256 { get; init; }

    public static RuleSource FromFile(string path) => new(path, () => RuleFile.ReadText(path));

    public static RuleSource FromText(string text, string name) => new(name, () => text);

    private static string ReadDefault()
    {
        using var stream = typeof(RuleSource).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw Fail("sciatica-massage.yaml (built-in)", "the built-in rule set is missing from the library");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static RuleSetException Fail(string source, string message) =>
        new(ImmutableArray.Create(new RuleSetError(source, 0, 0, message)));
}
