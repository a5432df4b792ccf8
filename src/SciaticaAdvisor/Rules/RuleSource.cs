using System.Collections.Immutable;
using System.Text;
using SciaticaAdvisor.Files;

namespace SciaticaAdvisor.Rules;

/// <summary>A rule file's text and the name it goes by in errors and provenance.</summary>
internal sealed record RuleSource(string Name, Func<string> ReadText)
{
    /// <summary>The largest rule file accepted, in bytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string DefaultResource = "SciaticaAdvisor.Rules.sciatica-massage.yaml";

    public static RuleSource Default { get; } = new("sciatica-massage.yaml (built-in)", ReadDefault);

    public static RuleSource FromFile(string path) => new(path, () => ReadFile(path));

    public static RuleSource FromText(string text, string name) => new(name, () => text);

    private static string ReadDefault()
    {
        using var stream = typeof(RuleSource).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw Fail("sciatica-massage.yaml (built-in)", "the built-in rule set is missing from the library");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Reads a rule file as every layer is read: at most <see cref="MaxBytes"/> through a stream, strict UTF-8.</summary>
    /// <exception cref="RuleSetException">The file is missing, unreadable, too large or not UTF-8; the error names the path.</exception>
    public static string ReadFile(string path)
    {
        var read = BoundedFile.ReadText(path, MaxBytes, "rule file");
        return read.Text ?? throw new RuleSetException([new RuleSetError(path, read.Line, read.Column, read.Problem!)]);
    }

    private static RuleSetException Fail(string source, string message) =>
        new(ImmutableArray.Create(new RuleSetError(source, 0, 0, message)));
}
