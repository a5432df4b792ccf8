using System.Text.Json;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary><c>sample</c>: valid, deterministic, realistic profiles that batch reads back.</summary>
public sealed class SampleCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Sample_EveryLine_IsAValidProfile()
    {
        var result = await Tool.RunStubbedAsync("sample", "--count", "2000", "--seed", "7");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().BeEmpty();
        result.StdoutLines.Should().HaveCount(2000);
        result.StdoutLines.Select(line => ProfileReader.TryRead(line)).Should().OnlyContain(read => read.IsValid);
    }

    [Fact]
    public async Task Sample_SameSeed_GivesTheSameBytes()
    {
        var first = await Tool.RunStubbedAsync("sample", "--count", "200", "--seed", "42", "--format", "csv");
        var second = await Tool.RunStubbedAsync("sample", "--count", "200", "--seed", "42", "--format", "csv");
        var other = await Tool.RunStubbedAsync("sample", "--count", "200", "--seed", "43", "--format", "csv");

        second.Stdout.Should().Be(first.Stdout);
        other.Stdout.Should().NotBe(first.Stdout);
    }

    [Fact]
    public async Task Sample_Population_IsMostlyFreeOfRedFlagsWithSparseSets()
    {
        var result = await Tool.RunStubbedAsync("sample", "--count", "5000", "--seed", "1");
        var profiles = result.StdoutLines.Select(line => ProfileReader.Read(line)).ToList();

        profiles.Count(p => p.RedFlags.IsEmpty).Should().BeGreaterThan(4500);
        profiles.Count(p => !p.RedFlags.IsEmpty).Should().BeGreaterThan(0);
        profiles.Average(p => p.Symptoms.Count + p.Conditions.Count + p.AvoidStyles.Count).Should().BeLessThan(4);
        profiles.Select(p => p.Cause).Distinct().Should().HaveCount(Enum.GetValues<SciaticaCause>().Length);
        profiles.Select(p => p.Flare).Distinct().Should().HaveCount(3);
    }

    [Fact]
    public async Task Sample_Csv_RoundTripsThroughBatchToTheSameProfilesAsJsonLines()
    {
        var jsonLines = await Tool.RunStubbedAsync("sample", "--count", "300", "--seed", "5");
        var csv = _files.PathOf("population.csv");
        await Tool.RunStubbedAsync("sample", "--count", "300", "--seed", "5", "--format", "csv", "--output", csv);

        var batch = await Tool.RunStubbedAsync("batch", "--input", csv);

        batch.ExitCode.Should().Be(0, batch.Stderr);
        // The stand-in advisor's first note is the profile it was given, as compact JSON.
        batch.StdoutLines.Select(FirstNote).Should().Equal(jsonLines.StdoutLines);
    }

    [Fact]
    public async Task Sample_Output_WritesTheFileAndNothingToStandardOutput()
    {
        var path = _files.PathOf("out.jsonl");

        var result = await Tool.RunStubbedAsync("sample", "--count", "3", "--seed", "9", "--output", path);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().BeEmpty();
        File.ReadAllLines(path).Should().HaveCount(3);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("sample", "--count", "0")]
    [InlineData("sample", "--count", "3", "--format", "xml")]
    [InlineData("sample", "--count", "many")]
    public async Task Sample_BadUsage_ExitsTwo(params string[] args)
    {
        var result = await Tool.RunStubbedAsync(args);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Sample_OutputInAMissingFolder_ExitsTwoNamingIt()
    {
        var path = _files.PathOf("no-such-folder/out.jsonl");

        var result = await Tool.RunStubbedAsync("sample", "--count", "3", "--output", path);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"sciatica-advisor: cannot write '{path}': ");
    }

    private static string FirstNote(string advice) =>
        JsonDocument.Parse(advice).RootElement.GetProperty("notes")[0].GetString()!;
}
