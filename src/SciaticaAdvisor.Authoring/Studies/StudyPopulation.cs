using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>The profiles a study advises, each with its 0-based index in the population: a grid, a sample or a file.</summary>
internal abstract class StudyPopulation
{
    /// <summary>How the population is made: <c>grid</c>, <c>sample</c> or <c>file</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>How many profiles the population has, when known before reading it.</summary>
    public abstract long? Count { get; }

    /// <summary>The profiles in index order, streamed; those of a file that are not valid go to <paramref name="invalid"/> instead.</summary>
    public abstract IEnumerable<PopulationMember> Read(Action<StudyError> invalid, CancellationToken cancellationToken);
}

/// <summary>A profile of a population and its 0-based index, the <c>profile</c> column.</summary>
internal readonly record struct PopulationMember(long Index, SymptomProfile Profile);
