namespace SciaticaAdvisor.Linting;

/// <summary>The items of the clinical guidance (GUIDANCE.md) that rules may name.</summary>
public static class GuidanceItems
{
    /// <summary>Every item, in the guidance's order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "G1.1", "G1.2", "G1.3", "G1.4", "G1.5",
        "G2.1", "G2.2",
        "G3.1", "G3.2",
        "G4.1", "G4.2", "G4.3", "G4.4", "G4.5",
        "G5.1", "G5.2",
        "G6.1", "G6.2", "G6.3", "G6.4", "G6.5", "G6.6",
        "G7.1", "G7.2", "G7.3", "G7.4", "G7.5", "G7.6",
        "G8", "G9",
        "G10.1", "G10.2",
    ];
}
