using NRules.Extensibility;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Gives every rule action of a session the advice sheets of the profiles it is working on; an
/// action takes its profile's sheet by the profile's <see cref="Rules.Language.ProfileFact.Slot"/>.
/// </summary>
internal sealed class SessionSheets : IDependencyResolver
{
    public AdviceSheet[]? Sheets { get; set; }

    public AdviceSheet this[int slot] => Sheets![slot];

    public object Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(SessionSheets) && Sheets is not null
            ? this
            : throw new InvalidOperationException($"No dependency of type {serviceType.Name} in an advice session.");
}
