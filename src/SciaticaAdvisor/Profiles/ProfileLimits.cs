namespace SciaticaAdvisor.Profiles;

/// <summary>The ranges a profile's numbers must lie in.</summary>
public static class ProfileLimits
{
    /// <summary>The lowest pain intensity: no pain.</summary>
    public const int MinPainIntensity = 0;

    /// <summary>The highest pain intensity: the worst pain imaginable.</summary>
    public const int MaxPainIntensity = 10;

    /// <summary>The fewest weeks for a duration.</summary>
    public const int MinWeeks = 0;

    /// <summary>The most weeks for a duration: ten years.</summary>
    public const int MaxWeeks = 520;
}
