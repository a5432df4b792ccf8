namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>Hands out the advisor built from the current rule files.</summary>
/// <remarks>
/// Thread-safe. When rule files are reloaded, <see cref="Current"/> changes from one complete
/// advisor to the next in a single step; read it for each piece of work rather than keeping the
/// advisor, so reloads take effect.
/// </remarks>
public interface IAdvisorProvider
{
    /// <summary>The advisor built from the rule files as they last loaded.</summary>
    Advisor Current { get; }
}
