using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests;

/// <summary>Small rule files on disk, one per test, whose version tells which one answered.</summary>
internal sealed class TestRules : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sciatica-di-").FullName;

    public TestRules(string version = "1.0.0")
    {
        Path = System.IO.Path.Combine(_directory, "clinic.yaml");
        File.WriteAllText(Path, Valid(version));
    }

    public string Path { get; }

    public static SymptomProfile Profile { get; } = new()
    {
        Cause = SciaticaCause.PiriformisSyndrome,
        Flare = FlareState.None,
        PainSensitivity = PainSensitivity.Low,
        PainIntensity = 3,
        DiagnosisConfirmed = true,
        ClinicianApproved = true,
    };

    /// <summary>A rule file whose YAML breaks off: the parser reports it at line 5, column 1.</summary>
    public const string Broken = "name: test-rules\nversion: 9.9.9\nrules:\n  - id: [unclosed\n";

    /// <summary>A small rule set that keeps every GUIDANCE invariant on the built-in scenarios' profiles, as a reload requires.</summary>
    public static string Valid(string version) => $"""
        name: test-rules
        version: {version}
        rules:
          - id: base-shiatsu
            name: Shiatsu baseline
            guidance: G8
            then: [ {"{"} recommend: {"{"} style: shiatsu, score: 50, rationale: Finger pressure. {"}"} {"}"} ]
          - id: base-relaxation
            name: Relaxation baseline
            guidance: G8
            then: [ {"{"} recommend: {"{"} style: relaxation, score: 20, rationale: Calms. {"}"} {"}"} ]
          - id: base-phase
            name: Maintenance phase
            guidance: G10.1
            then: [ {"{"} phase: maintenance {"}"} ]
          - id: flare-light
            name: Light pressure in an acute flare
            guidance: G3.2
            when: {"{"} flare: acute {"}"}
            then: [ {"{"} capPressure: {"{"} max: light {"}"} {"}"} ]
          - id: unwanted-shiatsu
            name: Shiatsu is never advised to someone who does not want it
            guidance: G7.6
            when: {"{"} avoidStyles: {"{"} any: [shiatsu] {"}"} {"}"}
            then: [ {"{"} contraindicate: {"{"} style: shiatsu, level: avoid, reason: not wanted {"}"} {"}"} ]
          - id: unwanted-relaxation
            name: Relaxation is never advised to someone who does not want it
            guidance: G7.6
            when: {"{"} avoidStyles: {"{"} any: [relaxation] {"}"} {"}"}
            then: [ {"{"} contraindicate: {"{"} style: relaxation, level: avoid, reason: not wanted {"}"} {"}"} ]

        """;

    public void Write(string text) => File.WriteAllText(Path, text);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
