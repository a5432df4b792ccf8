namespace SciaticaAdvisor.Advice;

/// <summary>A therapy beside massage.</summary>
public enum AdjunctTherapy
{
    /// <summary>Ice, then heat, on the painful area.</summary>
    HeatIce,
}
