using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>Validates the options by loading the rule set they name, so a broken rule file stops the host at start.</summary>
internal sealed class SciaticaAdvisorOptionsValidator(InitialAdvisor initial, ILoggerFactory? loggerFactory = null)
    : IValidateOptions<SciaticaAdvisorOptions>
{
    public ValidateOptionsResult Validate(string? name, SciaticaAdvisorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ReloadDelay < TimeSpan.Zero)
        {
            failures.Add($"SciaticaAdvisor: ReloadDelay must not be negative, was {options.ReloadDelay}.");
        }

        foreach (var (path, index) in options.RuleFiles.Select((p, i) => (p, i)))
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                failures.Add($"SciaticaAdvisor: RuleFiles[{index}] is empty.");
            }
            else if (!File.Exists(path))
            {
                failures.Add($"SciaticaAdvisor: rule file '{Path.GetFullPath(path)}' does not exist.");
            }
        }

        if (failures.Count > 0)
        {
            return ValidateOptionsResult.Fail(failures);
        }

        try
        {
            initial.Offer(options, RuleFileLoader.Load(options, loggerFactory));
            return ValidateOptionsResult.Success;
        }
        catch (RuleSetException ex)
        {
            return ValidateOptionsResult.Fail(ex.Errors.Select(e => $"SciaticaAdvisor: the rule set does not load: {e}"));
        }
    }
}
