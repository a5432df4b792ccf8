using System.Diagnostics;
using System.Text;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary><c>batch --resume</c>: an interrupted run goes on from its last complete line, losing and repeating none.</summary>
public sealed class ResumeBatchTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Intake(int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            text.Append(i % 7 == 3 ? "{not json" : ProfileJson.Minimal().With("painIntensity", i % 11).Build()).Append('\n');
        }

        return _files.Write($"intake-{lines}.jsonl", text.ToString());
    }

    [Fact]
    public async Task Resume_AfterAnOutputCutMidLine_EndsWithTheSameAnswersAsAnUninterruptedRun()
    {
        var input = Intake(300);
        var complete = _files.PathOf("complete.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", complete);
        var expected = await File.ReadAllTextAsync(complete);

        // An interrupted run: it answered the first 100 lines and recorded them, then wrote part of
        // a line more before it died.
        var first = _files.Write("first.jsonl", string.Concat(File.ReadLines(input).Take(100).Select(l => l + "\n")));
        var resumed = _files.PathOf("resumed.jsonl");
        await Tool.RunAsync("batch", "--input", first, "--output", resumed);
        await File.AppendAllTextAsync(resumed, expected.Split('\n')[100][..40]);

        var result = await Tool.RunAsync("batch", "--input", input, "--output", resumed, "--resume");

        result.ExitCode.Should().Be(2, "the input has invalid lines after the cut");
        result.Stderr.Should().Contain("resumed after 100 answered lines");
        (await File.ReadAllTextAsync(resumed)).Should().Be(expected);
    }

    [Fact]
    public async Task Resume_OfACompleteOutput_AnswersNothingMore()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);
        var expected = await File.ReadAllTextAsync(output);

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        result.ExitCode.Should().Be(0);
        (await File.ReadAllTextAsync(output)).Should().Be(expected);
    }

    [Fact]
    public async Task Resume_OfAnOutputMadeFromAnotherInput_IsRefused_AndTheOutputKept()
    {
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", Intake(20), "--output", output);
        var before = await File.ReadAllTextAsync(output);
        var other = _files.Write("other.jsonl", string.Concat(Enumerable.Range(0, 30).Select(i => ProfileJson.Minimal().With("painIntensity", 10 - (i % 11)).Build() + "\n")));

        var result = await Tool.RunAsync("batch", "--input", other, "--output", output, "--resume");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Be("sciatica-advisor: --resume refused: the first 20 lines of the input are not those of the run being resumed");
        (await File.ReadAllTextAsync(output)).Should().Be(before);
    }

    [Fact]
    public async Task Resume_OfAnOutputWithACorruptLine_IsRefused_AndTheOutputKept()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);
        var lines = File.ReadAllLines(output);
        lines[5] = lines[5].Replace("\"status\":\"", "\"status\":\"x", StringComparison.Ordinal);
        File.WriteAllText(output, string.Concat(lines.Select(l => l + "\n")));
        var corrupt = await File.ReadAllTextAsync(output);

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Contain("answer lines of '" + output + "' are not those the run wrote");
        (await File.ReadAllTextAsync(output)).Should().Be(corrupt);
    }

    [Fact]
    public async Task Resume_WithAnInputShorterThanTheOutput_IsRefused_AndAddsNoLine()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);
        var shorter = _files.Write("shorter.jsonl", string.Concat(File.ReadLines(input).Take(12).Select(l => l + "\n")));

        var result = await Tool.RunAsync("batch", "--input", shorter, "--output", output, "--resume");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Contain("the input has only 12 lines, fewer than the 20 already answered");
        File.ReadAllLines(output).Should().HaveCount(20);
    }

    [Fact]
    public async Task Resume_WithAnotherRuleSet_IsRefused()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume", "--rules", TestRules.Gentle);

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().StartWith($"sciatica-advisor: --resume refused: the answers in '{output}' were made with another rule set");
    }

    [Fact]
    public async Task Resume_OfAnOutputWithoutItsRecord_IsRefused()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);
        File.Delete(output + ".resume");

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Contain("has no record of the run that wrote it");
    }

    [Fact]
    public async Task Resume_WithoutAnOutputFile_IsAUsageError()
    {
        var result = await Tool.RunAsync("batch", "--input", Intake(2), "--resume");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("--resume needs --output FILE");
    }

    [Fact]
    public async Task Resume_AfterTheProcessIsKilled_LosesAndRepeatsNoLine()
    {
        var input = Intake(60_000);
        var expectedPath = _files.PathOf("expected.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", expectedPath);
        var output = _files.PathOf("killed.jsonl");

        using (var child = StartTool("batch", "--input", input, "--output", output))
        {
            var deadline = Stopwatch.StartNew();
            while (!child.HasExited && (!File.Exists(output) || new FileInfo(output).Length < 200_000) && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20);
            }

            child.HasExited.Should().BeFalse("the run must be killed part-way for this test to mean anything");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var partial = await File.ReadAllTextAsync(output);
        partial.Length.Should().BeLessThan((int)new FileInfo(expectedPath).Length);

        await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        (await File.ReadAllTextAsync(output)).Should().Be(await File.ReadAllTextAsync(expectedPath));
    }

    private static Process StartTool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sciatica-advisor.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
