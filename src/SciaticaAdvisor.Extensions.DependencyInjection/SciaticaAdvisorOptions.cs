namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>Configures the advisor that <c>AddSciaticaAdvisor</c> registers: which rule files, and whether to reload them.</summary>
/// <remarks>
/// Validated once at startup (and whenever the advisor is first resolved): every rule file must exist
/// and the layers must load, or resolving the advisor throws an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> that lists every error.
/// The options are read once, when the advisor is first built: a change to them afterwards (say, a
/// reloaded appsettings.json) applies at the next start, while <see cref="ReloadOnChange"/> watches
/// the rule files themselves.
/// </remarks>
public sealed class SciaticaAdvisorOptions
{
    /// <summary>YAML rule files, layered in list order over the built-in default rule set when <see cref="UseDefaultRules"/> is set.</summary>
    /// <remarks>Relative paths are resolved against the current directory when the options are validated.</remarks>
    public IList<string> RuleFiles { get; } = [];

    /// <summary>Whether the built-in default rule set is the base layer; it is used anyway when <see cref="RuleFiles"/> is empty.</summary>
    public bool UseDefaultRules { get; set; }

    /// <summary>Whether to reload the rule set when a rule file changes; a rule set that does not load is logged and the previous one kept.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>How long to wait after the last change to a rule file before reloading, so a file is not read half-written.</summary>
    /// <remarks>Defaults to 250 ms; must not be negative.</remarks>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(250);
}
