using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

        // The killed run reads the same lines from a pipe the test holds open and feeds only the
        // first two thirds of, in two parts more than a record period apart: it cannot finish
        // before it is killed, however fast it answers, and its record has answers in it by then.
        using (var child = Tool.StartBuilt(["batch", "--input", "-", "--output", output]))
        {
            try
            {
                var lines = File.ReadLines(input).ToList();
                var feeding = FeedAsync(child.StandardInput, lines.GetRange(0, 20_000), TimeSpan.FromMilliseconds(750), lines.GetRange(20_000, 20_000));
                var waited = Stopwatch.StartNew();
                while (!child.HasExited && (RecordedLines(output) == 0 || new FileInfo(output).Length < 200_000) && waited.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(20);
                }

                child.HasExited.Should().BeFalse("a run whose input is still open cannot end by itself: {0}", child.HasExited ? await child.StandardError.ReadToEndAsync() : "");
                RecordedLines(output).Should().BePositive($"the run's record had no answered lines after {waited.Elapsed.TotalSeconds:0.0} s");
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync();
                await feeding;
            }
            finally
            {
                // Disposing a process neither kills it nor closes the input it is reading.
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                }
            }
        }

        var partial = await File.ReadAllTextAsync(output);
        partial.Length.Should().BeGreaterThanOrEqualTo(200_000).And.BeLessThan((int)new FileInfo(expectedPath).Length);

        var resumed = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        resumed.ExitCode.Should().Be(2, "the input has lines that are not profiles: {0}", resumed.Stderr);
        resumed.Stderr.Should().MatchRegex("resumed after [1-9][0-9]* answered lines", "the run answered and recorded lines before it was killed");
        (await File.ReadAllTextAsync(output)).Should().Be(await File.ReadAllTextAsync(expectedPath));
    }

    /// <summary>The lines the run's record says are answered, 0 while it has none or cannot be read.</summary>
    private static int RecordedLines(string output)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(output + ".resume"))?["lines"]?.GetValue<int>() ?? 0;
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return 0;
        }
    }

    /// <summary>Writes the lines to a child's standard input, pausing between the two parts, and leaves it open; a write the child's death breaks ends the feed.</summary>
    private static async Task FeedAsync(StreamWriter stdin, IReadOnlyList<string> first, TimeSpan pause, IReadOnlyList<string> then)
    {
        try
        {
            await WriteAsync(first);
            await Task.Delay(pause);
            await WriteAsync(then);
        }
        catch (IOException)
        {
        }

        async Task WriteAsync(IReadOnlyList<string> lines)
        {
            foreach (var line in lines)
            {
                await stdin.WriteAsync(line + "\n");
            }

            await stdin.FlushAsync();
        }
    }

    [Fact]
    public async Task Record_NamesTheLinesAndBytesAnswered_AndTheXxHash128OfInputAndOutput()
    {
        var input = Intake(50);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);

        var record = JsonNode.Parse(await File.ReadAllTextAsync(output + ".resume"))!;

        record["format"]!.GetValue<int>().Should().Be(2);
        record["lines"]!.GetValue<int>().Should().Be(50);
        record["outputBytes"]!.GetValue<long>().Should().Be(new FileInfo(output).Length);
        record["outputXxHash128"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(XxHash128.Hash(await File.ReadAllBytesAsync(output))));
        var items = new XxHash128();
        AppendItems(File.ReadAllLines(input), b => items.Append(b));
        record["inputXxHash128"]!.GetValue<string>().Should().Be(Convert.ToHexStringLower(items.GetCurrentHash()));
    }

    [Fact]
    public async Task Resume_FromARecordOfFormat1_ChecksItsSha256_AndEndsAsAnUninterruptedRun()
    {
        var input = Intake(300);
        var complete = _files.PathOf("complete.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", complete);
        var expected = await File.ReadAllTextAsync(complete);

        // What the tool before format 2 left after answering the first 100 lines.
        var first = File.ReadLines(input).Take(100).ToArray();
        var resumed = _files.PathOf("resumed.jsonl");
        await Tool.RunAsync("batch", "--input", _files.Write("first.jsonl", string.Concat(first.Select(l => l + "\n"))), "--output", resumed);
        await File.WriteAllTextAsync(resumed + ".resume", Format1Record(await File.ReadAllTextAsync(resumed + ".resume"), first, await File.ReadAllBytesAsync(resumed)));

        var result = await Tool.RunAsync("batch", "--input", input, "--output", resumed, "--resume");

        result.Stderr.Should().Contain("resumed after 100 answered lines");
        (await File.ReadAllTextAsync(resumed)).Should().Be(expected);
        JsonNode.Parse(await File.ReadAllTextAsync(resumed + ".resume"))!["format"]!.GetValue<int>().Should().Be(2, "the run goes on writing the current format");
    }

    [Fact]
    public async Task Resume_FromARecordOfFormat1_WhoseOutputWasChanged_IsRefused()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);
        var bytes = await File.ReadAllBytesAsync(output);
        await File.WriteAllTextAsync(output + ".resume", Format1Record(await File.ReadAllTextAsync(output + ".resume"), File.ReadAllLines(input), bytes));
        bytes[10] ^= 1;
        await File.WriteAllBytesAsync(output, bytes);

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Contain("answer lines of '" + output + "' are not those the run wrote");
        (await File.ReadAllBytesAsync(output)).Should().Equal(bytes);
    }

    [Fact]
    public async Task Resume_FromARecordOfAnUnknownFormat_IsRefused_NamingTheFormats()
    {
        var input = Intake(20);
        var output = _files.PathOf("out.jsonl");
        await Tool.RunAsync("batch", "--input", input, "--output", output);
        var record = JsonNode.Parse(await File.ReadAllTextAsync(output + ".resume"))!;
        record["format"] = 3;
        await File.WriteAllTextAsync(output + ".resume", record.ToJsonString());

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--resume");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Be($"sciatica-advisor: --resume refused: the record '{output}.resume' was written by another version of the tool (record format 3; this one reads 1 and 2)");
    }

    /// <summary>A record of format 1 for the same run: the SHA-256 of the input items and of the output, as that format has them.</summary>
    private static string Format1Record(string current, IReadOnlyList<string> inputLines, byte[] output)
    {
        var record = JsonNode.Parse(current)!.AsObject();
        using var items = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendItems(inputLines, items.AppendData);
        return new JsonObject
        {
            ["format"] = 1,
            ["ruleSet"] = record["ruleSet"]!.GetValue<string>(),
            ["lines"] = record["lines"]!.GetValue<int>(),
            ["inputSha256"] = Convert.ToHexStringLower(items.GetCurrentHash()),
            ["outputBytes"] = output.LongLength,
            ["outputSha256"] = Convert.ToHexStringLower(SHA256.HashData(output)),
        }.ToJsonString();
    }

    /// <summary>The bytes a record hashes for each input line: its number, 1 for a document, its length, and the line (every line here is a document).</summary>
    private static void AppendItems(IReadOnlyList<string> lines, Action<byte[]> append)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var content = Encoding.UTF8.GetBytes(lines[i]);
            var head = new byte[9];
            BinaryPrimitives.WriteInt32LittleEndian(head, i + 1);
            head[4] = 1;
            BinaryPrimitives.WriteInt32LittleEndian(head.AsSpan(5), content.Length);
            append(head);
            append(content);
        }
    }
}
