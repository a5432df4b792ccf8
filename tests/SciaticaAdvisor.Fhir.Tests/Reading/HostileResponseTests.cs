using System.Text;
using SciaticaAdvisor.Fhir.Tests.Support;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Fhir.Tests.Reading;

/// <summary>Mutated and arbitrary documents end in a profile or errors, never an exception; one reader serves many threads.</summary>
public sealed class HostileResponseTests
{
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes(TestData.Text("lhc-forms-response.json"));

    private static void ShouldBeAnAnswer(ProfileReadResult read)
    {
        (read.IsValid ^ read.Errors.Length > 0).Should().BeTrue("a result is a profile or errors, never both or neither");
        read.Errors.Where(e => e.Path.Length == 0 || e.Message.Length == 0 || e.Message.Length >= 600).Should().BeEmpty();
    }

    [Fact]
    public void MutatedResponses_AreReadOrRejected_NeverThrow()
    {
        var random = new Random(15);
        for (var run = 0; run < 200; run++)
        {
            var bytes = (byte[])Sample.Clone();
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            ShouldBeAnAnswer(QuestionnaireResponseReader.Read(bytes));
        }
    }

    [Fact]
    public void TruncatedResponses_AreRejected_NeverThrow()
    {
        for (var length = 0; length < Sample.Length; length += 37)
        {
            var read = QuestionnaireResponseReader.Read(Sample.AsSpan(0, length));

            read.IsValid.Should().BeFalse();
            ShouldBeAnAnswer(read);
        }
    }

    [Fact]
    public void ArbitraryBytes_AreRejected_NeverThrow()
    {
        var random = new Random(4);
        for (var run = 0; run < 200; run++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);

            ShouldBeAnAnswer(QuestionnaireResponseReader.Read(bytes));
        }
    }

    [Fact]
    public void EightThreads_ReadTheSameProfile()
    {
        var expected = QuestionnaireResponseReader.Read(Sample).GetProfileOrThrow();
        var profiles = new SymptomProfile?[400];

        Parallel.For(0, profiles.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => profiles[i] = QuestionnaireResponseReader.Read(Sample).Profile);

        profiles.Should().OnlyContain(p => p == expected);
    }
}
