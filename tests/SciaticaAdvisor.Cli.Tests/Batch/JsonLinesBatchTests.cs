using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary><c>batch</c> over JSON Lines, with a stand-in for the rule engine.</summary>
public sealed class JsonLinesBatchTests : IDisposable
{
    private static readonly string Valid = ProfileJson.ContractExample().Build();

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Batch_AllValid_AnswersEachLineWithAdviceAndExitsZero()
    {
        var input = _files.Write("in.jsonl", Valid + "\n" + ProfileJson.Minimal().Build() + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().HaveCount(2);
        result.StdoutLines.Should().AllSatisfy(line => line.Should().StartWith("{\"status\":"));
    }

    [Fact]
    public async Task Batch_BadLinesAmongGood_AnswersEveryLineInOrderWithLineNumbers()
    {
        var input = _files.Write("in.jsonl", string.Join('\n',
            Valid,
            ProfileJson.Minimal().With("flare", "acut").Build(),
            Valid,
            "{not json",
            ProfileJson.Minimal().WithSet("symptoms", "tingling", "tingling").Build(),
            Valid) + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(2);
        result.StdoutLines.Should().HaveCount(6);
        result.StdoutLines[0].Should().StartWith("{\"status\":");
        result.StdoutLines[1].Should().Be(
            "{\"line\":2,\"errors\":[{\"path\":\"$.flare\",\"message\":\"unknown value 'acut'; expected one of none, subsiding, acute\"}]}");
        result.StdoutLines[2].Should().StartWith("{\"status\":");
        ErrorOf(result.StdoutLines[3]).Should().Be((4, "$"));
        result.StdoutLines[4].Should().Be(
            "{\"line\":5,\"errors\":[{\"path\":\"$.symptoms[1]\",\"message\":\"duplicate value 'tingling'; each value may appear once\"}]}");
        result.StdoutLines[5].Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Batch_LineWithSeveralErrors_ListsThemAll()
    {
        var input = _files.Write("in.jsonl", ProfileJson.Minimal().Without("cause").With("painIntensity", 12).Build());

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        using var answer = JsonDocument.Parse(result.StdoutLines[0]);
        answer.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString())
            .Should().Equal("$.cause", "$.painIntensity");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t ")]
    public async Task Batch_BlankLine_GetsEmptyLineError(string blank)
    {
        var input = _files.Write("in.jsonl", Valid + "\n" + blank + "\n" + Valid + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(3);
        result.StdoutLines[1].Should().Be("{\"line\":2,\"errors\":[{\"path\":\"$\",\"message\":\"empty line\"}]}");
    }

    [Fact]
    public async Task Batch_FinalNewline_MakesNoExtraLine()
    {
        var input = _files.Write("in.jsonl", Valid + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().ContainSingle();
    }

    [Fact]
    public async Task Batch_LastLineWithoutNewline_IsRead()
    {
        var input = _files.Write("in.jsonl", Valid + "\n" + ProfileJson.Minimal().With("painIntensity", 11).Build());

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ErrorOf(result.StdoutLines[1]).Should().Be((2, "$.painIntensity"));
    }

    [Fact]
    public async Task Batch_TwoNewlinesAtTheEnd_MakeOneEmptyLine()
    {
        var input = _files.Write("in.jsonl", Valid + "\n\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ErrorOf(result.StdoutLines[1]).Should().Be((2, "$"));
    }

    [Fact]
    public async Task Batch_ByteOrderMarkAndCrlf_AreAccepted()
    {
        var text = Valid + "\r\n" + ProfileJson.Minimal().Build() + "\r\n\r\n" + Valid;
        var input = _files.WriteBytes("in.jsonl", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(4);
        result.StdoutLines[0].Should().StartWith("{\"status\":");
        result.StdoutLines[1].Should().StartWith("{\"status\":");
        result.StdoutLines[2].Should().Be("{\"line\":3,\"errors\":[{\"path\":\"$\",\"message\":\"empty line\"}]}");
        result.StdoutLines[3].Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Batch_EmptyFile_WritesNothingAndExitsZero()
    {
        var input = _files.Write("in.jsonl", string.Empty);

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("0 advised, 0 invalid, 0 referral, 0 clearanceNeeded in ");
    }

    [Fact]
    public async Task Batch_LineOverOneMiB_GetsErrorWithoutParsingAndTheNextLineIsRead()
    {
        var huge = "{\"cause\": \"" + new string('x', 1024 * 1024) + "\"}";
        var input = _files.Write("in.jsonl", Valid + "\n" + huge + "\n" + Valid + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(3);
        result.StdoutLines[1].Should().Be(
            "{\"line\":2,\"errors\":[{\"path\":\"$\",\"message\":\"line longer than 1 MiB (1048576 bytes); not read\"}]}");
        result.StdoutLines[2].Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Batch_LineOfExactlyOneMiBWithCrlf_IsParsed()
    {
        var profile = ProfileJson.Minimal().Build();
        var line = profile + new string(' ', (1024 * 1024) - profile.Length);
        var input = _files.Write("in.jsonl", line + "\r\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().ContainSingle().Which.Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Batch_LineThatIsNotUtf8_GetsAnErrorObject()
    {
        byte[] damaged = [.. Encoding.UTF8.GetBytes("{\"cause\": \""), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}\n")];
        var input = _files.WriteBytes("in.jsonl", [.. damaged, .. Encoding.UTF8.GetBytes(Valid + "\n")]);

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ErrorOf(result.StdoutLines[0]).Line.Should().Be(1);
        result.StdoutLines[1].Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Batch_ManyLinesAdvisedInParallel_KeepInputOrder()
    {
        const int count = 600;
        var lines = Enumerable.Range(0, count).Select(i => i % 7 == 3
            ? ProfileJson.Minimal().With("painIntensity", 11).Build()
            : ProfileJson.Minimal().With("symptomWeeks", i % 521).Build());
        var input = _files.Write("in.jsonl", string.Join('\n', lines));
        var loader = new StubAdvisorLoader(new StubAdvisor(jitter: true));

        var result = await Tool.RunAsync(["batch", "--input", input], string.Empty, loader, chunkLines: 3);

        result.StdoutLines.Should().HaveCount(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 7 == 3)
            {
                ErrorOf(result.StdoutLines[i]).Should().Be((i + 1, "$.painIntensity"));
            }
            else
            {
                result.StdoutLines[i].Should().Contain($"\\u0022symptomWeeks\\u0022:{i % 521},", "line {0} answers input line {0}", i + 1);
            }
        }
    }

    [Fact]
    public async Task Batch_Summary_CountsAdvisedInvalidReferralAndClearance()
    {
        var input = _files.Write("in.jsonl", string.Join('\n',
            Valid,
            ProfileJson.Minimal().Build(),
            ProfileJson.ContractExample().WithSet("redFlags", "fever").Build(),
            string.Empty,
            "[]"));

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StderrLines.Should().ContainSingle().Which.Should().MatchRegex(
            @"^3 advised, 2 invalid, 1 referral, 1 clearanceNeeded in \d+\.\d\d s$");
    }

    [Fact]
    public async Task Batch_StandardErrorNotATerminal_ShowsOnlyTheSummary()
    {
        var input = _files.Write("in.jsonl", string.Join('\n', Enumerable.Repeat(Valid, 200)));

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StderrLines.Should().ContainSingle().Which.Should().StartWith("200 advised,");
        result.Stderr.Should().NotContain("\r");
    }

    [Fact]
    public async Task Batch_OutputOption_WritesTheAnswersToTheFile()
    {
        var input = _files.Write("in.jsonl", Valid + "\n[]\n");
        var output = _files.PathOf("out.jsonl");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--output", output);

        result.Stdout.Should().BeEmpty();
        var written = File.ReadAllText(output);
        written.Should().EndWith("\n").And.NotContain("\r");
        written.TrimEnd('\n').Split('\n').Should().HaveCount(2);
    }

    [Fact]
    public async Task Batch_OutputSameAsInput_IsRefusedAndTheInputKept()
    {
        var input = _files.Write("in.jsonl", Valid + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--output", input);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"sciatica-advisor: --output '{input}' is the file --input '{input}'");
        File.ReadAllText(input).Should().Be(Valid + "\n");
    }

    [Fact]
    public async Task Batch_OutputThatCannotBeWritten_ExitsTwoNamingIt()
    {
        var input = _files.Write("in.jsonl", Valid + "\n");
        var output = Path.Combine(_files.PathOf("no-such-folder"), "out.jsonl");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--output", output);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"sciatica-advisor: cannot write '{output}': ");
    }

    [Fact]
    public async Task Batch_StandardOutputClosedHalfway_ExitsTwoWithoutStackTrace()
    {
        var input = _files.Write("in.jsonl", string.Join('\n', Enumerable.Repeat(Valid, 50)));
        using var stdout = new ClosingWriter(afterWrites: 2);
        using var stderr = new StringWriter();

        // Chunks of 5 lines are written at once: the pipe closes after 10 of the 50 answers.
        var exitCode = await CliApp.RunAsync(
            ["batch", "--input", input],
            new CliContext(TextReader.Null, stdout, stderr) { Advisors = new StubAdvisorLoader(), BatchChunkLines = 5 },
            CancellationToken.None);

        exitCode.Should().Be(2);
        stderr.ToString().Should().StartWith("sciatica-advisor: cannot write standard output: Broken pipe").And.NotContain(" at ");
    }

    [Fact]
    public async Task Batch_MissingInput_ExitsTwoAndCreatesNoOutput()
    {
        var input = _files.PathOf("absent.jsonl");
        var output = _files.PathOf("out.jsonl");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--output", output);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal($"sciatica-advisor: cannot read '{input}': the file does not exist");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Batch_RulesThatDoNotLoad_ExitTwoAndWriteNothing()
    {
        var input = _files.Write("in.jsonl", Valid);
        var output = _files.PathOf("out.jsonl");
        var failure = new RuleSetException(ImmutableArray.Create(new RuleSetError("clinic.yaml", 3, 5, "unknown action 'massage'")));

        var result = await Tool.RunAsync(
            ["batch", "--input", input, "--output", output, "--rules", "clinic.yaml"], string.Empty, new StubAdvisorLoader(loadFailure: failure));

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal("clinic.yaml:3:5: unknown action 'massage'");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Batch_RuleSetFault_AnswersTheLineWithTheFault_AnswersEveryOtherLine_AndExitsOne()
    {
        var faulty = ProfileJson.Minimal().With("painIntensity", 10).Build();
        var input = _files.Write("in.jsonl", string.Join('\n', Valid, faulty, "{bad", Valid, faulty, Valid) + "\n");
        var advisor = new StubAdvisor(p => p.PainIntensity == 10 ? new RuleSetFaultException("r 1.0", "two ranks 1") : null);

        var result = await Tool.RunAsync(["batch", "--input", input], string.Empty, new StubAdvisorLoader(advisor), chunkLines: 2);

        result.ExitCode.Should().Be(1, "a fault is the rule set's, exit 1, reported once every line is answered");
        result.StdoutLines.Should().HaveCount(6);
        result.StdoutLines[1].Should().Be("""{"line":2,"fault":"Rule set 'r 1.0' is at fault: two ranks 1"}""");
        result.StdoutLines[4].Should().Be("""{"line":5,"fault":"Rule set 'r 1.0' is at fault: two ranks 1"}""");
        ErrorOf(result.StdoutLines[2]).Line.Should().Be(3);
        new[] { 0, 3, 5 }.Select(i => result.StdoutLines[i]).Should().AllSatisfy(line => line.Should().StartWith("""{"status":"""));
        result.StderrLines.Should().Contain(l => l.StartsWith("3 advised, 1 invalid, 2 faulted,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Batch_WithoutInput_IsUsageError()
    {
        var result = await Tool.RunStubbedAsync("batch");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("--input");
    }

    private static (int Line, string Path) ErrorOf(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        return (root.GetProperty("line").GetInt32(), root.GetProperty("errors")[0].GetProperty("path").GetString()!);
    }

    /// <summary>Standard output whose reader goes away, as with <c>| head</c>.</summary>
    private sealed class ClosingWriter(int afterWrites) : StringWriter
    {
        private int _writes;

        public override Task WriteAsync(string? value) =>
            ++_writes > afterWrites ? throw new IOException("Broken pipe") : base.WriteAsync(value);

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _writes > afterWrites ? throw new IOException("Broken pipe") : base.FlushAsync(cancellationToken);
    }
}
