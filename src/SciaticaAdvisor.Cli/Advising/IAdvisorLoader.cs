namespace SciaticaAdvisor.Cli.Advising;

/// <summary>Loads the rule layers given with <c>--rules</c> into an advisor.</summary>
internal interface IAdvisorLoader
{
    /// <summary>Loads the layers, base first; none means the built-in default.</summary>
    /// <param name="layers">The <c>--rules</c> values.</param>
    /// <param name="single">Whether the advisor answers one profile only: it then skips building the advice cache, which only pays over many.</param>
    /// <exception cref="SciaticaAdvisor.Rules.RuleSetException">A layer is missing, unreadable or does not load.</exception>
    IProfileAdvisor Load(IReadOnlyList<string> layers, bool single = false);
}
