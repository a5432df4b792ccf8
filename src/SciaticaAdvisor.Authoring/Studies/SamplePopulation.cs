using SciaticaAdvisor.Populations;

namespace SciaticaAdvisor.Studies;

/// <summary>Random profiles drawn by the generator of <c>sciatica-advisor sample</c>: the same seed gives the same profiles as <c>sample --seed</c>.</summary>
internal sealed class SamplePopulation(long count, int seed) : StudyPopulation
{
    public override string Kind => "sample";

    public override long? Count => count;

    public int Seed => seed;

    public override IEnumerable<PopulationMember> Read(Action<StudyError> invalid, CancellationToken cancellationToken)
    {
        var sampler = new ProfileSampler(new Random(seed));
        for (var index = 0L; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new PopulationMember(index, sampler.Next());
        }
    }
}
