using NRules.Extensibility;

namespace SciaticaAdvisor.Engine;

/// <summary>Gives every rule action of a session the advice sheet of the advice it is working on.</summary>
internal sealed class SheetResolver : IDependencyResolver
{
    public AdviceSheet? Sheet { get; set; }

    public object Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(AdviceSheet) && Sheet is not null
            ? Sheet
            : throw new InvalidOperationException($"No dependency of type {serviceType.Name} in an advice session.");
}
