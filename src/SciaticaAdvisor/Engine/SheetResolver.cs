using NRules.Extensibility;

namespace SciaticaAdvisor.Engine;

/// <summary>Gives every rule action of one session that session's advice sheet.</summary>
internal sealed class SheetResolver(AdviceSheet sheet) : IDependencyResolver
{
    public object Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(AdviceSheet) ? sheet : throw new InvalidOperationException($"No dependency of type {serviceType.Name} in an advice session.");
}
