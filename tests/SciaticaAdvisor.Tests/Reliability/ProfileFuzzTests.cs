using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Reliability.Fuzzing;

namespace SciaticaAdvisor.Tests.Reliability;

/// <summary>
/// Profile fuzzing: whatever bytes arrive, <see cref="ProfileReader.TryRead(ReadOnlySpan{byte})"/>
/// never throws and answers with a valid profile or with errors whose paths start with <c>$</c> and
/// whose messages are short. The long run is tests/fuzz/run-profiles.sh.
/// </summary>
public class ProfileFuzzTests
{
    private static readonly Lazy<Advisor> Advisor = new(FuzzRuleSet.Build);

    private static void Check(ReadOnlySpan<byte> input, Advisor? advisor = null)
    {
        var verdict = FuzzOracle.CheckProfile(input, advisor);
        verdict.Violation.Should().BeNull("input (base64) {0}", Convert.ToBase64String(input.Length > 2000 ? input[..2000] : input));
    }

    [Property(MaxTest = 1500)]
    public void MutatedProfile_IsReadOrRejected_NeverThrows(int seed) =>
        Check(ProfileMutator.Mutated(new Random(seed)), Advisor.Value);

    [Property(MaxTest = 500)]
    public void ArbitraryJson_IsReadOrRejected_NeverThrows(int seed) =>
        Check(Encoding.UTF8.GetBytes(ProfileMutator.ArbitraryJson(new Random(seed), 0)), Advisor.Value);

    [Property(MaxTest = 500)]
    public void ArbitraryBytes_AreRejected_NeverThrow(byte[] bytes) => Check(bytes ?? []);

    [Property(MaxTest = 300)]
    public void ArbitraryText_IsRejected_NeverThrows(string text) => Check(Encoding.UTF8.GetBytes(text ?? ""));

    [Property(MaxTest = 300)]
    public void ValidProfile_WithArbitraryPropertyValue_NeverThrows(int seed, string value)
    {
        // FsCheck's strings hold control characters and lone surrogates; JSON-escape or drop them raw.
        var random = new Random(seed);
        var properties = FuzzRuleSet.ValidProperties(random);
        var raw = random.Next(2) == 0 ? System.Text.Json.JsonSerializer.Serialize(value ?? "") : value ?? "";
        properties.Add(new(FuzzRuleSet.Pick(random, FuzzRuleSet.PropertyNames), raw));

        Check(Encoding.UTF8.GetBytes(FuzzRuleSet.Join(properties)), Advisor.Value);
    }

    [Property(MaxTest = 300)]
    public void ProfileBuiltInCSharp_WithArbitraryValues_IsAdvisedOrRefusedByPath(int cause, int flare, int sensitivity, int intensity, int? weeks, int[] symptoms, int[] styles, bool nullSet)
    {
        // C# callers bypass the JSON reader: enums out of range, negative weeks, null sets.
        var profile = new SymptomProfile
        {
            Cause = (SciaticaCause)(cause % 7),
            Flare = (FlareState)(flare % 5),
            PainSensitivity = (PainSensitivity)(sensitivity % 5),
            PainIntensity = intensity % 13,
            SymptomWeeks = weeks,
            Symptoms = nullSet ? null! : [.. (symptoms ?? []).Select(s => (Symptom)(s % 9))],
            AvoidStyles = [.. (styles ?? []).Select(s => (MassageStyle)(s % 7))],
            WeeksInTreatment = intensity,
        };

        try
        {
            var advice = Advisor.Value.Advise(profile);
            AdviceInvariants.Check(profile, advice).Should().BeEmpty();
            ProfileReader.Validate(profile).Should().BeEmpty();
        }
        catch (ProfileValidationException ex)
        {
            ex.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Path.StartsWith('$'));
            ex.Message.Should().StartWith("The profile is not valid: ");
            ex.Errors.Take(10).Should().OnlyContain(e => ex.Message.Contains(e.Path + ": ", StringComparison.Ordinal), "the message says what is wrong at each path");
            ex.Message.Should().NotContain("4711").And.NotContain(", was ", "the message quotes no value");
        }
    }

    [Property(MaxTest = 300)]
    public Property ValidProfile_IsReadAsValid(int seed)
    {
        var json = FuzzRuleSet.ValidProfileJson(new Random(seed));
        var result = ProfileReader.TryRead(Encoding.UTF8.GetBytes(json));
        return (result.IsValid && result.Errors.IsEmpty).Label(json);
    }

    [Fact]
    public void EveryMutationKind_IsReached_AndMostMutantsAreRejected()
    {
        // Guards the generator: a mutator that silently produced valid profiles would test little.
        var outcomes = Enumerable.Range(0, 3000)
            .Select(seed => FuzzOracle.CheckProfile(ProfileMutator.Mutated(new Random(seed)), advisor: null))
            .ToList();

        outcomes.Should().OnlyContain(v => v.Ok);
        outcomes.Count(v => v.Outcome == "invalid-syntax").Should().BeGreaterThan(300);
        outcomes.Count(v => v.Outcome == "invalid-content").Should().BeGreaterThan(300);
        outcomes.Count(v => v.Outcome == "valid").Should().BeGreaterThan(30);
    }
}
