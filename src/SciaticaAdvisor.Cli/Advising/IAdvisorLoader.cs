namespace SciaticaAdvisor.Cli.Advising;

/// <summary>Loads the rule layers given with <c>--rules</c> into an advisor.</summary>
internal interface IAdvisorLoader
{
    /// <summary>Loads the layers, base first; none means the built-in default.</summary>
    /// <exception cref="SciaticaAdvisor.Rules.RuleSetException">A layer is missing, unreadable or does not load.</exception>
    IProfileAdvisor Load(IReadOnlyList<string> layers);
}
