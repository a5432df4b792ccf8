namespace SciaticaAdvisor;

/// <summary>Every contract value in words a receptionist or a patient understands: a short display label and a one-sentence definition.</summary>
/// <remarks>
/// Covers every enum of the profile and the advice (<see cref="Profiles.SciaticaCause"/> to
/// <see cref="Planning.PlanPhase"/>). This is the one source for the labels of intake forms,
/// code systems and care plans, so a value is worded the same everywhere. Thread-safe.
/// </remarks>
public static class PlainWords
{
    /// <summary>The short label for a value, as an option of an intake form shows it (<c>Lomi-lomi (Hawaiian massage)</c>).</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value of a contract enum.</exception>
    public static string Display<TEnum>(TEnum value) where TEnum : struct, Enum => Find(value).Display;

    /// <summary>One sentence that says what a value means, in plain words.</summary>
    /// <typeparam name="TEnum">A contract enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value of a contract enum.</exception>
    public static string Definition<TEnum>(TEnum value) where TEnum : struct, Enum => Find(value).Definition;

    /// <summary>The short label for a value whose enum type is known only at run time.</summary>
    /// <param name="value">A value of a contract enum.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value of a contract enum.</exception>
    public static string Display(Enum value) => Find(value).Display;

    /// <summary>One sentence that says what a value means, for a value whose enum type is known only at run time.</summary>
    /// <param name="value">A value of a contract enum.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value of a contract enum.</exception>
    public static string Definition(Enum value) => Find(value).Definition;

    private static PlainWordsTable.Words Find(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return PlainWordsTable.Entries.TryGetValue(value, out var words)
            ? words
            : throw new ArgumentOutOfRangeException(nameof(value), $"{value.GetType().Name}.{value} has no plain words.");
    }
}
