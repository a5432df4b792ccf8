using System.Diagnostics;
using System.Text;
using SciaticaAdvisor.Cli.Output;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Rules;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary>Hostile files and a hostile environment (devices as inputs, a full disk, a closed pipe) end in a clear exit code, never a crash or a quiet loss.</summary>
public sealed class HardeningCommandTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private string Profile() => _files.Write("p.json", ProfileJson.ContractExample().Build());

    [Theory]
    [InlineData("--rules", "/dev/zero", "/dev/zero: the rule file is larger than 1048576 bytes, the most allowed")]
    [InlineData("--rules", "/dev/urandom", "/dev/urandom: the rule file is larger than 1048576 bytes, the most allowed")]
    [InlineData("profile", "/dev/zero", "$: the document is longer than 1048576 bytes (1 MiB)")]
    public async Task Advise_WithADeviceAsRuleFileOrProfile_ExitsTwo(string what, string device, string error)
    {
        if (!File.Exists(device))
        {
            return;
        }

        // A device's stat length is 0 and it never ends: trusting stat read until memory ran out (exit 1, OutOfMemoryException).
        var result = what == "profile" ? await Tool.RunAsync("advise", device) : await Tool.RunAsync("advise", Profile(), what, device);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().Equal(error);
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("advise")]
    [InlineData("explain")]
    [InlineData("explain", "--format", "json")]
    [InlineData("schema", "profile")]
    [InlineData("lint")]
    [InlineData("sample", "--count", "3")]
    [InlineData("batch", "--input")]
    public async Task Commands_WritingToAFullDisk_ExitTwoWithTheReason(params string[] args)
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var profile = Profile();
        string[] command = args[0] switch
        {
            "advise" or "explain" => [.. args.Take(1), profile, .. args.Skip(1)],
            "batch" => [.. args, _files.Write("in.jsonl", ProfileJson.ContractExample().Build() + "\n")],
            _ => args,
        };

        // Standard output as Program.cs sets it up, on a device where every write fails with ENOSPC.
        var (exitCode, stderr) = await RunToAsync(command, new FileStream("/dev/full", FileMode.Open, FileAccess.Write));

        exitCode.Should().Be(2, "a full disk is an error, not an exit 0 with nothing written");
        stderr.Should().Contain("sciatica-advisor: cannot write standard output: No space left on device");
    }

    [Fact]
    public async Task Batch_ToAFullOutputFile_ExitsTwo()
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var input = _files.Write("in.jsonl", ProfileJson.ContractExample().Build() + "\n");

        var result = await Tool.RunAsync("batch", "--input", input, "--output", "/dev/full");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("cannot write '/dev/full': No space left on device");
    }

    [Fact]
    public async Task Batch_ToADevice_WritesAllLines_AndNoRecordBesideIt()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        var input = _files.Write("in.jsonl", ProfileJson.ContractExample().Build() + "\n");

        var result = await Tool.RunAsync("batch", "--input", input, "--output", "/dev/null");

        result.ExitCode.Should().Be(0);
        File.Exists("/dev/null.resume").Should().BeFalse("a device has no run to resume, and /dev is no place for a file");
    }

    [Fact]
    public async Task AnErrorNamingAHostilePath_EscapesItsControlCharacters()
    {
        var path = _files.PathOf("p\u001b[2J\u001b]0;owned\u0007.json");

        var result = await Tool.RunAsync("advise", path);

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().NotContainAny("\u001b", "\u0007");
        result.StderrLines.Should().ContainSingle().Which.Should().Contain("p\\u001b[2J\\u001b]0;owned\\u0007.json").And.EndWith("the file does not exist");
    }

    [Fact]
    public async Task ABrokenPipe_IsQuiet()
    {
        var (exitCode, stderr) = await RunToAsync(["advise", Profile()], new BrokenPipeStream());

        exitCode.Should().Be(0);
        stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Advise_ToAFullDisk_InTheRealProcess_ExitsTwo()
    {
        if (!File.Exists("/dev/full") || !File.Exists("/bin/sh"))
        {
            return;
        }

        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec dotnet \"$0\" advise \"$1\" > /dev/full");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sciatica-advisor.dll"));
        start.ArgumentList.Add(Profile());
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        process.ExitCode.Should().Be(2);
        stderr.Should().Be("sciatica-advisor: cannot write standard output: No space left on device\n");
    }

    [Fact]
    public async Task Batch_WithALayerWhosePlacementContradictsTheDefault_AnswersEveryLine()
    {
        // shiatsu first for low and moderate sensitivity contradicts the default's relaxation or
        // reflexology first in an acute flare and deep tissue first for piriformis syndrome.
        var layer = _files.Write("shiatsu-first.yaml", RuleText.ShiatsuFirstLayer);
        var lines = new[]
        {
            ProfileJson.ContractExample().Build(),
            ProfileJson.Minimal().With("flare", "acute").With("painSensitivity", "high").Build(),
            ProfileJson.Minimal().With("flare", "acute").With("painSensitivity", "moderate").Build(),
            "{bad",
            ProfileJson.Minimal().With("cause", "spinalStenosis").With("flare", "subsiding").With("painSensitivity", "moderate").Build(),
        };
        var input = _files.Write("in.jsonl", string.Join('\n', lines) + "\n");
        var output = _files.PathOf("out.jsonl");

        var result = await Tool.RunAsync("batch", "--input", input, "--output", output, "--rules", "@default", "--rules", layer);

        result.ExitCode.Should().Be(1);
        var answers = File.ReadAllLines(output);
        answers.Should().HaveCount(5, "one answer line per input line, faults included");
        answers[0].Should().StartWith("{\"line\":1,\"fault\":\"Rule set 'shiatsu-first 1.0.0' is at fault: no ranking keeps every placement");
        answers[1].Should().StartWith("{\"status\":");
        answers[2].Should().StartWith("{\"line\":3,\"fault\":");
        answers[3].Should().StartWith("{\"line\":4,\"errors\":");
        answers[4].Should().StartWith("{\"status\":");
    }

    private static async Task<(int ExitCode, string Stderr)> RunToAsync(string[] args, Stream stdout)
    {
        var writer = new StreamWriter(new StandardOutputStream(stdout), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await CliApp.RunAsync(args, new CliContext(TextReader.Null, writer, stderr), CancellationToken.None);
        try
        {
            // As Program.cs closes it: what could not be written is already reported.
            await writer.DisposeAsync();
        }
        catch (IOException)
        {
        }

        return (exitCode, stderr.ToString());
    }

    /// <summary>A pipe whose reader has gone: every write fails with EPIPE, as the kernel reports it.</summary>
    private sealed class BrokenPipeStream : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe", 32);

        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("Broken pipe", 32);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => throw new IOException("Broken pipe", 32);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => throw new IOException("Broken pipe", 32);
    }
}
