using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Tests.Reliability.Fuzzing;

/// <summary>What one fuzz input came to; <see cref="Violation"/> is set when the library broke a promise.</summary>
internal sealed record FuzzVerdict(string Outcome, string? Violation = null, MassageAdviceSummary? Advice = null)
{
    public bool Ok => Violation is null;
}

/// <summary>The status of an advice given for a valid fuzz input, for the counts.</summary>
internal sealed record MassageAdviceSummary(string Status);

/// <summary>
/// The promises the fuzzers check, in one place so the xunit properties and the console fuzzer judge alike.
/// </summary>
/// <remarks>Shared by the xunit tests and the console fuzzer (tests/SciaticaAdvisor.Fuzz links this file).</remarks>
internal static class FuzzOracle
{
    /// <summary>The longest error message that is still sane for a person to read.</summary>
    public const int MaxMessageLength = 600;

    /// <summary>The longest error path: a property name is quoted at most 40 characters, escaped.</summary>
    public const int MaxPathLength = 300;

    /// <summary>How long one rule file may take to build before it counts as a hang.</summary>
    public static readonly TimeSpan RuleFileTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Reads <paramref name="input"/>: TryRead must not throw; it gives a valid profile with no errors,
    /// or at least one error, each with a path starting with <c>$</c> and a short, non-empty message.
    /// A valid profile goes to <paramref name="advisor"/>, which must advise or report a rule-set fault.
    /// </summary>
    public static FuzzVerdict CheckProfile(ReadOnlySpan<byte> input, Advisor? advisor)
    {
        ProfileReadResult result;
        try
        {
            result = ProfileReader.TryRead(input);
        }
        catch (Exception ex)
        {
            return new("crash", $"TryRead threw {ex.GetType().Name}: {ex.Message}");
        }

        if (result.IsValid)
        {
            if (!result.Errors.IsEmpty)
            {
                return new("valid", "a valid profile with errors");
            }

            return advisor is null ? new("valid") : Advise(advisor, result.Profile);
        }

        if (result.Errors.IsDefaultOrEmpty)
        {
            return new("invalid", "no profile and no error");
        }

        foreach (var error in result.Errors)
        {
            if (error.Path is null || !error.Path.StartsWith('$') || error.Path.Length > MaxPathLength)
            {
                return new("invalid", $"bad path '{Cut(error.Path)}'");
            }

            if (string.IsNullOrWhiteSpace(error.Message) || error.Message.Length > MaxMessageLength)
            {
                return new("invalid", $"bad message at {error.Path}: {error.Message?.Length} characters");
            }
        }

        var exception = new ProfileValidationException(result.Errors);
        if (exception.Message.Contains(", was ", StringComparison.Ordinal))
        {
            return new("invalid", "the exception's message reports a value");
        }

        foreach (var error in result.Errors.Take(10))
        {
            if (!exception.Message.Contains(error.Path + ": ", StringComparison.Ordinal))
            {
                return new("invalid", $"the exception's message does not say what is wrong at {Cut(error.Path)}");
            }

            // Every piece of input an error message quotes ('acut') stays out of the exception's message, beyond the path it names.
            foreach (var quoted in System.Text.RegularExpressions.Regex.Matches(error.Message, @"'(?:[^'\\]|\\.)+'").Select(m => m.Value))
            {
                if (!error.Path.Contains(quoted, StringComparison.Ordinal) && exception.Message.Contains(quoted, StringComparison.Ordinal))
                {
                    return new("invalid", "the exception's message quotes the input");
                }
            }
        }

        var syntax = result.Errors.Length == 1 && result.Errors[0].Path == "$" && result.Errors[0].Message.StartsWith("invalid JSON", StringComparison.Ordinal);
        return new(syntax ? "invalid-syntax" : "invalid-content");
    }

    /// <summary>Advises on a valid profile: an advice, or a rule-set fault; never another exception.</summary>
    public static FuzzVerdict Advise(Advisor advisor, SymptomProfile profile)
    {
        try
        {
            var advice = advisor.Advise(profile);
            var json = AdvisorJson.Serialize(advice);
            var again = ProfileReader.TryRead(Encoding.UTF8.GetBytes(AdvisorJson.Serialize(profile)));
            if (!again.IsValid || !again.Profile.Equals(profile))
            {
                return new("valid", "the profile does not survive a write and a read");
            }

            return json.Length == 0 ? new("valid", "empty advice JSON") : new("advised", Advice: new(advice.Status.ToString()));
        }
        catch (RuleSetFaultException)
        {
            return new("advised-fault");
        }
        catch (Exception ex)
        {
            return new("crash", $"Advise threw {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Builds an advisor from <paramref name="yaml"/> within <see cref="RuleFileTimeout"/>: success, or a
    /// <see cref="RuleSetException"/> whose every error has a line and column ≥ 0 and a short message;
    /// never another exception, never a hang, and a built advisor holds every rule of the file.
    /// </summary>
    public static FuzzVerdict CheckRules(string yaml, SymptomProfile[] probes)
    {
        var build = Task.Run(() => new AdvisorBuilder().AddRules(yaml, "fuzz.yaml").Build());
        try
        {
            if (!build.Wait(RuleFileTimeout))
            {
                return new("hang", $"Build took more than {RuleFileTimeout.TotalSeconds} s");
            }
        }
        catch (AggregateException aggregate) when (aggregate.InnerException is RuleSetException ex)
        {
            return Rejected(ex.Errors);
        }
        catch (AggregateException aggregate)
        {
            var ex = aggregate.InnerException!;
            return new("crash", $"Build threw {ex.GetType().Name}: {ex.Message}");
        }

        var advisor = build.Result;
        var expected = CountRules(yaml);
        if (expected is { } count && count != advisor.Rules.Length)
        {
            return new("partial", $"the file has {count} rules, the advisor {advisor.Rules.Length}");
        }

        var outcome = "loaded";
        foreach (var probe in probes)
        {
            var verdict = Advise(advisor, probe);
            if (!verdict.Ok)
            {
                return verdict;
            }

            if (verdict.Outcome == "advised-fault")
            {
                outcome = "loaded-faulting";
            }
        }

        return new(outcome);
    }

    private static FuzzVerdict Rejected(ImmutableArray<RuleSetError> errors)
    {
        if (errors.IsDefaultOrEmpty)
        {
            return new("rejected", "a RuleSetException without errors");
        }

        foreach (var error in errors)
        {
            if (error.Line < 0 || error.Column < 0)
            {
                return new("rejected", $"an error at line {error.Line}, column {error.Column}");
            }

            if (string.IsNullOrWhiteSpace(error.Message) || error.Message.Length > MaxMessageLength)
            {
                return new("rejected", $"an error message of {error.Message?.Length} characters: {Cut(error.Message)}");
            }
        }

        return new("rejected");
    }

    /// <summary>How many items the file's top-level <c>rules</c> list holds, read with YamlDotNet's own model; null when that cannot tell.</summary>
    private static int? CountRules(string yaml)
    {
        try
        {
            var stream = new YamlDotNet.RepresentationModel.YamlStream();
            stream.Load(new StringReader(yaml.TrimStart('\uFEFF')));
            if (stream.Documents.Count == 1
                && stream.Documents[0].RootNode is YamlDotNet.RepresentationModel.YamlMappingNode root
                && root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("rules"), out var rules)
                && rules is YamlDotNet.RepresentationModel.YamlSequenceNode sequence)
            {
                return sequence.Children.Count;
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // The library accepted what YamlDotNet's model refuses: nothing to compare.
        }

        return null;
    }

    /// <summary>Profiles to advise on with every rule file that loads: plain, acute, referral, all styles avoided.</summary>
    public static SymptomProfile[] Probes { get; } =
    [
        new() { Cause = SciaticaCause.PiriformisSyndrome, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 4, DiagnosisConfirmed = true, ClinicianApproved = true },
        new() { Cause = SciaticaCause.HerniatedDisc, Flare = FlareState.Acute, PainSensitivity = PainSensitivity.High, PainIntensity = 9, SymptomWeeks = 2, Symptoms = [Symptom.Tingling] },
        new() { Cause = SciaticaCause.SpinalStenosis, Flare = FlareState.Subsiding, PainSensitivity = PainSensitivity.Moderate, PainIntensity = 6, RedFlags = [RedFlag.SaddleAnesthesia], Conditions = [HealthCondition.Anticoagulants] },
        new() { Cause = SciaticaCause.Unknown, Flare = FlareState.None, PainSensitivity = PainSensitivity.Low, PainIntensity = 0, AvoidStyles = [MassageStyle.Shiatsu, MassageStyle.DeepTissue, MassageStyle.LomiLomi, MassageStyle.Relaxation, MassageStyle.Reflexology] },
    ];

    /// <summary>The SHA-256, in lowercase hex, over the compact JSON of <paramref name="count"/> seeded advices, one a line.</summary>
    public static string Digest(Advisor advisor, int seed, int count, int threads)
    {
        var random = new Random(seed);
        var profiles = Enumerable.Range(0, count).Select(_ => ProfileReader.Read(FuzzRuleSet.ValidProfileJson(random))).ToArray();
        var lines = new string[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, i =>
        {
            lines[i] = AdvisorJson.Serialize(advisor.Advise(profiles[i]));
        });

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    private static string Cut(string? text) => text is null ? "(null)" : text.Length <= 80 ? text : text[..80] + "…";
}
