using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SciaticaAdvisor.Studies;

/// <summary>One of <see cref="Count"/> parts of a study: the profiles whose index modulo <see cref="Count"/> is <see cref="Number"/> − 1.</summary>
/// <remarks>The parts 1/N to N/N together hold exactly the rows of the whole study, each once.</remarks>
public sealed record StudyShard
{
    /// <summary>Creates shard <paramref name="number"/> of <paramref name="count"/>.</summary>
    /// <param name="number">The shard, 1 to <paramref name="count"/>.</param>
    /// <param name="count">How many shards the study is cut into, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The numbers are out of range.</exception>
    public StudyShard(int number, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, count);
        Number = number;
        Count = count;
    }

    /// <summary>The shard's number K, from 1.</summary>
    public int Number { get; }

    /// <summary>The number of shards N.</summary>
    public int Count { get; }

    /// <summary>Reads <c>K/N</c> as the command line writes it.</summary>
    /// <param name="text">The text, such as <c>3/8</c>.</param>
    /// <param name="shard">The shard, when the text is valid.</param>
    /// <returns>Whether the text is a shard with 1 ≤ K ≤ N.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StudyShard? shard)
    {
        shard = null;
        var parts = text?.Split('/') ?? [];
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
        {
            shard = new StudyShard(k, n);
        }

        return shard is not null;
    }

    /// <summary>Whether the profile with this 0-based index belongs to the shard.</summary>
    /// <param name="profile">The profile's index in the population.</param>
    /// <returns>Whether the shard advises it.</returns>
    public bool Holds(long profile) => profile % Count == Number - 1;

    /// <summary>The suffix of the shard's files: <c>part-K-of-N</c>.</summary>
    /// <returns>The suffix.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"part-{Number}-of-{Count}");
}
