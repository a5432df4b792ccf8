using System.Text.RegularExpressions;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary>
/// <c>SCIATICA_ADVISOR_TRACE_STARTUP=1</c> on a batch names where its start went (the input opened,
/// the rules compiled, the first answers written), and changes nothing else.
/// </summary>
public sealed partial class BatchStartupTraceTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    /// <summary>A stage's line: wall ms, CPU ms, methods compiled, JIT ms, then the stage.</summary>
    [GeneratedRegex(@"^startup: +[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9.]+  (.+)$")]
    private static partial Regex Stage();

    [Fact]
    public async Task Batch_WithTheStartupTrace_NamesItsStagesInOrder_AndAnswersAsWithout()
    {
        var input = _files.Write("intake.jsonl", string.Concat(
            Enumerable.Range(0, 100).Select(i => (i == 7 ? "{\"painIntensity\": \"SECRET-VALUE\"" : ProfileJson.Minimal().With("painIntensity", i % 11).Build()) + "\n")));
        var plain = _files.PathOf("plain.jsonl");
        var traced = _files.PathOf("traced.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", plain);

        var real = await Tool.RunBuiltAsync(["batch", "--input", input, "--output", traced], new Dictionary<string, string> { ["SCIATICA_ADVISOR_TRACE_STARTUP"] = "1" });

        var error = real.Stderr;
        real.ExitCode.Should().Be(2, "line 8 is not a profile: {0}", error);
        real.Stdout.Should().BeEmpty();
        var stages = error.Split('\n').Select(l => Stage().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        stages.Should().ContainInOrder("arguments parsed", "input opened", "rules loaded and compiled", "first chunk's answers written", "exit");
        stages.Should().ContainSingle(s => s == "first chunk's answers written", "100 lines are two chunks, and only the first is marked");
        error.Should().NotContain("SECRET-VALUE", "the trace names stages, never input");
        (await File.ReadAllTextAsync(traced)).Should().Be(await File.ReadAllTextAsync(plain));
    }
}
