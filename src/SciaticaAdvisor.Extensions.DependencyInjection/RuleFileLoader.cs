using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>Builds an advisor from the options: the one place that turns options into rule layers.</summary>
internal static class RuleFileLoader
{
    /// <exception cref="RuleSetException">A rule file is missing or does not load.</exception>
    public static Advisor Load(SciaticaAdvisorOptions options, ILoggerFactory? loggerFactory) =>
        Load(options, Read(options), loggerFactory);

    /// <summary>Builds the advisor from rule files already read, so what loads is exactly what was hashed.</summary>
    /// <exception cref="RuleSetException">A rule file does not load.</exception>
    public static Advisor Load(SciaticaAdvisorOptions options, RuleFileTexts texts, ILoggerFactory? loggerFactory)
    {
        var builder = new AdvisorBuilder();
        if (options.UseDefaultRules)
        {
            builder.UseDefaultRules();
        }

        foreach (var (path, text) in texts.Files)
        {
            builder.AddRules(text, path);
        }

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }

    /// <summary>Reads every rule file as the library reads one (bounded, strict UTF-8), with a digest of them all.</summary>
    /// <exception cref="RuleSetException">A rule file is missing, unreadable, too large or not UTF-8.</exception>
    public static RuleFileTexts Read(SciaticaAdvisorOptions options)
    {
        var files = FullPaths(options).Select(path => (path, RuleFile.ReadText(path))).ToList();
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, text) in files)
        {
            digest.AppendData(Encoding.UTF8.GetBytes(path));
            digest.AppendData([0]);
            digest.AppendData(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        }

        return new RuleFileTexts(files, Convert.ToHexStringLower(digest.GetCurrentHash()));
    }

    public static IEnumerable<string> FullPaths(SciaticaAdvisorOptions options) =>
        options.RuleFiles.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath);
}

/// <summary>The rule files' texts as read at one moment, and a digest of them all.</summary>
internal sealed record RuleFileTexts(IReadOnlyList<(string Path, string Text)> Files, string Digest);
