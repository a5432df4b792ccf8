using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>Builds an advisor from the options: the one place that turns options into rule layers.</summary>
internal static class RuleFileLoader
{
    /// <exception cref="Rules.RuleSetException">A rule file is missing or does not load.</exception>
    public static Advisor Load(SciaticaAdvisorOptions options, ILoggerFactory? loggerFactory)
    {
        var builder = new AdvisorBuilder();
        if (options.UseDefaultRules)
        {
            builder.UseDefaultRules();
        }

        foreach (var path in FullPaths(options))
        {
            builder.AddRuleFile(path);
        }

        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder.Build();
    }

    public static IEnumerable<string> FullPaths(SciaticaAdvisorOptions options) =>
        options.RuleFiles.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Path.GetFullPath);
}
