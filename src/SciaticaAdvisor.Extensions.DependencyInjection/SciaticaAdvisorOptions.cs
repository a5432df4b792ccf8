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

    /// <summary>The settle period: how long a rule file must stay unchanged before a reload reads it, so it is not read half-written.</summary>
    /// <remarks>
    /// Defaults to 2 seconds; must not be negative. After the last change the files are read, and
    /// read again a settle period later: only when both reads have the same content hash is the rule
    /// set loaded, so a change is picked up about two settle periods after the last write. A writer
    /// that pauses longer than that mid-file can still be read half-written: update a rule file by
    /// writing a new file beside it and renaming it over the old one (an atomic replace).
    /// </remarks>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromSeconds(2);
}
