using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Rules.Language;

/// <summary>How a placement constrains the ranking.</summary>
internal enum PlacementKind
{
    /// <summary>The top style is one of <see cref="Placement.Styles"/>.</summary>
    First,

    /// <summary>The style ranks within the top <see cref="Placement.N"/>.</summary>
    InTop,

    /// <summary>The style ranks above <see cref="Placement.Other"/>.</summary>
    Above,
}

/// <summary>A ranking constraint from <c>rankFirst</c>, <c>rankInTop</c> or <c>rankAbove</c>.</summary>
internal sealed record Placement(PlacementKind Kind, IReadOnlyList<MassageStyle> Styles, int N = 0, MassageStyle? Other = null, string RuleId = "")
{
    public string Describe() => Kind switch
    {
        PlacementKind.First => $"rankFirst [{string.Join(", ", Styles)}]",
        PlacementKind.InTop => $"rankInTop {Styles[0]} {N}",
        _ => $"rankAbove {Styles[0]} than {Other}",
    };
}
