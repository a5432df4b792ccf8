using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary><c>batch</c> over CSV, with a stand-in for the rule engine that echoes the profile it was given.</summary>
public sealed class CsvBatchTests : IDisposable
{
    private const string Header = "cause,flare,painSensitivity,painIntensity,symptoms,clinicianApproved";

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Csv_Record_BecomesTheProfileItNames()
    {
        var input = _files.Write("in.csv", Header + "\npiriformisSyndrome,none,low,6,buttockPain;worseWhenSitting,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(0);
        ProfileOf(result.StdoutLines.Single()).Should().Be(new SymptomProfile
        {
            Cause = SciaticaCause.PiriformisSyndrome,
            Flare = FlareState.None,
            PainSensitivity = PainSensitivity.Low,
            PainIntensity = 6,
            Symptoms = [Symptom.ButtockPain, Symptom.WorseWhenSitting],
            ClinicianApproved = true,
        });
    }

    [Fact]
    public async Task Csv_ColumnsInAnyOrderWithEveryProperty_AreRead()
    {
        var input = _files.Write("in.csv",
            "avoidStyles,weeksInTreatment,diagnosisConfirmed,conditions,redFlags,symptomWeeks,painIntensity,painSensitivity,flare,cause,clinicianApproved,symptoms\n"
            + "deepTissue;shiatsu,3,true,osteoporosis,,12,4,high,subsiding,spinalStenosis,false,\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        var profile = ProfileOf(result.StdoutLines.Single());
        profile.AvoidStyles.Should().BeEquivalentTo([MassageStyle.DeepTissue, MassageStyle.Shiatsu]);
        profile.WeeksInTreatment.Should().Be(3);
        profile.SymptomWeeks.Should().Be(12);
        profile.Conditions.Should().Equal(HealthCondition.Osteoporosis);
        profile.RedFlags.Should().BeEmpty();
        profile.Cause.Should().Be(SciaticaCause.SpinalStenosis);
    }

    [Fact]
    public async Task Csv_EmptyCell_IsNotGiven()
    {
        var input = _files.Write("in.csv", "cause,flare,painSensitivity,painIntensity,symptomWeeks\nunknown,none,low,2,\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        ProfileOf(result.StdoutLines.Single()).SymptomWeeks.Should().BeNull();
    }

    [Fact]
    public async Task Csv_QuotedCells_MayHoldCommasQuotesAndSpacesAroundSetValues()
    {
        var input = _files.Write("in.csv", Header + "\n\"unknown\",none,low,3,\"buttockPain; tingling\",\"true\"\n"
            + "\"a,\"\"b\",none,low,3,,\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        ProfileOf(result.StdoutLines[0]).Symptoms.Should().BeEquivalentTo([Symptom.ButtockPain, Symptom.Tingling]);
        result.StdoutLines[1].Should().Be(
            "{\"line\":3,\"errors\":[{\"path\":\"$.cause\",\"message\":\"unknown value 'a,\\\"b'; expected one of "
            + "herniatedDisc, spinalStenosis, piriformisSyndrome, spondylolisthesis, unknown\"}]}");
    }

    [Fact]
    public async Task Csv_RecordSpanningLines_NumbersLaterRecordsByFileLine()
    {
        var input = _files.Write("in.csv", Header + "\n"
            + "unknown,none,low,3,\"tingling;\nnumbness\",true\n"
            + "unknown,none,low,11,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ProfileOf(result.StdoutLines[0]).Symptoms.Should().BeEquivalentTo([Symptom.Tingling, Symptom.Numbness]);
        ErrorOf(result.StdoutLines[1]).Should().Be((4, "$.painIntensity", "must be between 0 and 10, was 11"));
    }

    [Fact]
    public async Task Csv_BadCells_AreReportedWithJsonPathsAndFileLines()
    {
        var input = _files.Write("in.csv", Header + "\n"
            + "unknown,none,low,3,,true\n"
            + "unknown,none,low,3.5,,true\n"
            + "unknown,none,low,3,tingling;tingling,true\n"
            + "unknown,none,low,3,,yes\n"
            + "unknown,none,low,six,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(2);
        result.StdoutLines.Should().HaveCount(5);
        result.StdoutLines[0].Should().StartWith("{\"status\":");
        ErrorOf(result.StdoutLines[1]).Should().Be(
            (3, "$.painIntensity", "must be an integer between 0 and 10 written without a fraction or exponent, was 3.5"));
        ErrorOf(result.StdoutLines[2]).Should().Be((4, "$.symptoms[1]", "duplicate value 'tingling'; each value may appear once"));
        ErrorOf(result.StdoutLines[3]).Should().Be((5, "$.clinicianApproved", "must be true or false, was a string"));
        ErrorOf(result.StdoutLines[4]).Should().Be((6, "$.painIntensity", "must be an integer between 0 and 10, was a string"));
    }

    [Fact]
    public async Task Csv_MissingRequiredCell_IsReportedAsRequired()
    {
        var input = _files.Write("in.csv", Header + "\nunknown,,low,3,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        ErrorOf(result.StdoutLines.Single()).Should().Be((2, "$.flare", "is required; expected one of none, subsiding, acute"));
    }

    [Fact]
    public async Task Csv_RecordWithWrongCellCount_IsAnErrorForThatLine()
    {
        var input = _files.Write("in.csv", Header + "\nunknown,none,low,3\nunknown,none,low,3,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        ErrorOf(result.StdoutLines[0]).Should().Be((2, "$", "the record has 4 cells; the header has 6 columns"));
        result.StdoutLines[1].Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Csv_BlankLine_GetsEmptyLineError()
    {
        var input = _files.Write("in.csv", Header + "\nunknown,none,low,3,,true\n\nunknown,none,low,3,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(3);
        ErrorOf(result.StdoutLines[1]).Should().Be((3, "$", "empty line"));
    }

    [Fact]
    public async Task Csv_UnterminatedQuote_IsAnErrorAtTheLineItStarts()
    {
        var input = _files.Write("in.csv", Header + "\nunknown,none,low,3,,true\nunknown,none,low,3,\"tingling,true\nunknown,none,low,3,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ErrorOf(result.StdoutLines[1]).Should().Be((3, "$", "a quoted cell is not closed before the end of the file"));
    }

    [Fact]
    public async Task Csv_RecordOverOneMiB_IsAnErrorAndTheNextRecordIsRead()
    {
        var input = _files.Write("in.csv", Header + "\nunknown,none,low,3,\"" + new string('x', 1024 * 1024) + "\",true\n"
            + "unknown,none,low,3,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ErrorOf(result.StdoutLines[0]).Should().Be((2, "$", "record longer than 1 MiB (1048576 characters); not read"));
        result.StdoutLines[1].Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Csv_ByteOrderMarkCrlfAndNoFinalNewline_AreAccepted()
    {
        var text = Header + "\r\nunknown,none,low,3,,true\r\nunknown,none,low,12,,true";
        var input = _files.WriteBytes("in.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.StdoutLines.Should().HaveCount(2);
        ProfileOf(result.StdoutLines[0]).ClinicianApproved.Should().BeTrue();
        ErrorOf(result.StdoutLines[1]).Should().Be((3, "$.painIntensity", "must be between 0 and 10, was 12"));
    }

    [Fact]
    public async Task Csv_UnknownColumn_ExitsTwoNamingItAndWritesNothing()
    {
        var input = _files.Write("in.csv", "cause,flare,painSensitivity,painIntensity,mood\nunknown,none,low,3,grumpy\n");
        var output = _files.PathOf("out.jsonl");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--output", output);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{input}: unknown column 'mood'; expected one of cause, flare,");
        File.Exists(output).Should().BeFalse();
    }

    [Fact]
    public async Task Csv_UnknownColumnWithLineBreak_IsNamedOnOneLine()
    {
        var input = _files.Write("in.csv", "cause,flare,painSensitivity,painIntensity,\"pain\nlevel\"\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().StartWith($"{input}: unknown column 'pain\\u000alevel'; expected one of ");
    }

    [Fact]
    public async Task Csv_MissingRequiredColumn_ExitsTwoNamingIt()
    {
        var input = _files.Write("in.csv", "cause,flare,painSensitivity\nunknown,none,low\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal($"{input}: missing required column 'painIntensity'");
    }

    [Fact]
    public async Task Csv_ColumnGivenTwice_ExitsTwo()
    {
        var input = _files.Write("in.csv", "cause,flare,painSensitivity,painIntensity,flare\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal($"{input}: column 'flare' given twice; each column may appear once");
    }

    [Fact]
    public async Task Csv_EmptyFile_ExitsTwoForTheMissingHeader()
    {
        var input = _files.Write("in.csv", string.Empty);

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal($"{input}: the file is empty; expected a header row naming the columns");
    }

    [Fact]
    public async Task Csv_HeaderOnly_WritesNothingAndExitsZero()
    {
        var input = _files.Write("in.csv", Header + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input);

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Csv_FormatOption_ReadsAFileWithAnotherExtension()
    {
        var input = _files.Write("in.txt", Header + "\nunknown,none,low,3,,true\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--format", "csv");

        result.ExitCode.Should().Be(0);
        result.StdoutLines.Should().ContainSingle().Which.Should().StartWith("{\"status\":");
    }

    [Fact]
    public async Task Csv_FormatJsonl_ReadsACsvNamedFileAsJsonLines()
    {
        var input = _files.Write("in.csv", Header + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--format", "jsonl");

        result.ExitCode.Should().Be(2);
        ErrorOf(result.StdoutLines.Single()).Line.Should().Be(1);
    }

    [Fact]
    public async Task Csv_UnknownFormat_IsUsageError()
    {
        var input = _files.Write("in.csv", Header + "\n");

        var result = await Tool.RunStubbedAsync("batch", "--input", input, "--format", "xml");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Csv_ManyRecordsInParallel_KeepFileOrder()
    {
        var rows = Enumerable.Range(0, 300).Select(i => $"unknown,none,low,{i % 11},,true");
        var input = _files.Write("in.csv", Header + "\n" + string.Join("\n", rows));
        var loader = new StubAdvisorLoader(new StubAdvisor(jitter: true));

        var result = await Tool.RunAsync(["batch", "--input", input], string.Empty, loader, chunkLines: 2);

        result.StdoutLines.Should().HaveCount(300);
        for (var i = 0; i < 300; i++)
        {
            ProfileOf(result.StdoutLines[i]).PainIntensity.Should().Be(i % 11, "record {0} answers line {1}", i, i + 2);
        }
    }

    /// <summary>The profile the stub advisor was given, which it echoes as the advice's first note.</summary>
    private static SymptomProfile ProfileOf(string answer)
    {
        var advice = AdvisorJson.DeserializeAdvice(answer);
        advice.Status.Should().NotBe(AdviceStatus.Referral);
        return ProfileReader.Read(advice.Notes[0]);
    }

    private static (int Line, string Path, string Message) ErrorOf(string answer)
    {
        using var document = JsonDocument.Parse(answer);
        var root = document.RootElement;
        root.GetProperty("errors").GetArrayLength().Should().Be(1, answer);
        var error = root.GetProperty("errors")[0];
        return (root.GetProperty("line").GetInt32(), error.GetProperty("path").GetString()!, error.GetProperty("message").GetString()!);
    }
}
