using System.Collections.Immutable;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor;

/// <summary>How the advice contract spells enum values and the JSON paths its errors point at, for tools that read or write contract text by hand.</summary>
public static class ContractNames
{
    /// <summary>The contract's name of an enum value (<c>lomiLomi</c>).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="value">A named member of the enum.</param>
    /// <returns>The camelCase name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is no named member of the enum.</exception>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        EnumNames<TEnum>.TryNameOf(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a member of {typeof(TEnum).Name}; expected one of {EnumNames<TEnum>.Expected}");

    /// <summary>The contract's names of an enum's members, in declaration order.</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <returns>The camelCase names.</returns>
    public static ImmutableArray<string> NamesOf<TEnum>()
        where TEnum : struct, Enum => EnumNames<TEnum>.Names;

    /// <summary>Finds the enum value the contract spells <paramref name="name"/> (exact, case-sensitive).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="name">The camelCase name.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns>Whether the name is a member's name.</returns>
    public static bool TryParse<TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(name);
        return EnumNames<TEnum>.TryParse(name, out value);
    }

    /// <summary>The JSON path of a profile property, as <see cref="Profiles.ProfileError.Path"/> gives it (<c>$.painIntensity</c>, <c>$['odd name']</c>).</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The path.</returns>
    public static string PropertyPath(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return JsonPath.Property(name);
    }

    /// <summary>The JSON path of an element of an array property (<c>$.symptoms[2]</c>).</summary>
    /// <param name="property">The array property's name.</param>
    /// <param name="index">The element's index.</param>
    /// <returns>The path.</returns>
    public static string ElementPath(string property, int index)
    {
        ArgumentNullException.ThrowIfNull(property);
        return JsonPath.Element(property, index);
    }
}
