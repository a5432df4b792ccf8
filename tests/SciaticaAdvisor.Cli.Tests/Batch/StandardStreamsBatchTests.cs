using System.Text.RegularExpressions;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary><c>batch --input -</c> and <c>--output -</c>, and the progress display on a terminal.</summary>
public sealed class StandardStreamsBatchTests : IDisposable
{
    private static readonly string Valid = ProfileJson.ContractExample().Build();

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Batch_InputDash_ReadsJsonLinesFromStandardInput()
    {
        var result = await Tool.RunAsync(["batch", "--input", "-"], Valid + "\n\n" + Valid + "\n", new StubAdvisorLoader());

        result.ExitCode.Should().Be(2);
        result.StdoutLines.Should().HaveCount(3);
        result.StdoutLines[1].Should().Be("{\"line\":2,\"errors\":[{\"path\":\"$\",\"message\":\"empty line\"}]}");
    }

    [Fact]
    public async Task Batch_InputDashWithCsvFormat_ReadsCsvFromStandardInput()
    {
        var csv = "cause,flare,painSensitivity,painIntensity\npiriformisSyndrome,none,low,6\n";

        var result = await Tool.RunAsync(["batch", "--input", "-", "--format", "csv"], csv, new StubAdvisorLoader());

        result.ExitCode.Should().Be(0, result.Stderr);
        result.StdoutLines.Should().ContainSingle().Which.Should().StartWith("{\"status\":\"clearanceNeeded\"");
    }

    [Fact]
    public async Task Batch_OutputDash_WritesToStandardOutputNotAFileNamedDash()
    {
        var input = _files.Write("in.jsonl", Valid + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--output", "-");

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().ContainSingle();
        File.Exists("-").Should().BeFalse();
    }

    [Fact]
    public async Task Batch_OnATerminal_ClearsTheProgressAndEndsWithTheSummaryLine()
    {
        var input = _files.Write("in.jsonl", string.Concat(Enumerable.Repeat(Valid + "\n", 1000)));

        var result = await Tool.RunAsync(["batch", "--input", input], "", new StubAdvisorLoader(), errorIsTerminal: true);

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().HaveCount(1000);
        result.Stdout.Should().NotContain("\u001b");
        result.Stderr.Should().Contain("\u001b[", "the progress is drawn with terminal codes");
        var afterLastCode = Regex.Split(result.Stderr, @"\u001b\[[0-9;?]*[A-Za-z]")[^1];
        afterLastCode.Should().MatchRegex(@"^1000 advised, 0 invalid, 0 referral, 0 clearanceNeeded in \d+\.\d\d s\n$");
    }

    [Fact]
    public async Task Batch_NotOnATerminal_WritesOnlyTheSummaryToStandardError()
    {
        var result = await Tool.RunAsync(["batch", "--input", "-"], string.Concat(Enumerable.Repeat(Valid + "\n", 300)), new StubAdvisorLoader());

        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("300 advised, 0 invalid");
        result.Stderr.Should().NotContain("\u001b");
    }
}
