using System.Collections.Immutable;
using SciaticaAdvisor.Files;

namespace SciaticaAdvisor.Rules;

/// <summary>Reads a rule file exactly as <see cref="AdvisorBuilder.AddRuleFile"/> does, for hosts that keep its text.</summary>
/// <remarks>
/// A host that hashes or watches rule files (to reload them when they change) reads each once with
/// <see cref="ReadText"/> and adds that text with <see cref="AdvisorBuilder.AddRules"/>, so what
/// loads is exactly what it hashed, under the same bound and decoding as a file the builder reads.
/// Thread-safe.
/// </remarks>
public static class RuleFile
{
    /// <summary>The largest rule file accepted, in bytes (1 MiB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Reads a rule file: at most <see cref="MaxBytes"/> through a stream, whatever the file system says its length is, as strict UTF-8.</summary>
    /// <param name="path">The rule file.</param>
    /// <returns>The file's text, without a byte-order mark.</returns>
    /// <exception cref="RuleSetException">The file is missing, a directory, unreadable, larger than <see cref="MaxBytes"/> or not UTF-8; the error names the path (and the line and column of bad UTF-8).</exception>
    public static string ReadText(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var read = BoundedFile.ReadText(path, MaxBytes, "rule file");
        return read.Text ?? throw new RuleSetException(ImmutableArray.Create(new RuleSetError(path, read.Line, read.Column, read.Problem!)));
    }
}
