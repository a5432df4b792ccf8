using System.Text;
using SciaticaAdvisor.Cli.Output;
using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary><see cref="PageCacheRelease"/>: a batch's output leaves the page cache behind the writer, and its bytes are the same.</summary>
public sealed class PageCacheReleaseTests : IDisposable
{
    private const int Window = 16 * 1024;

    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Release_OfAFileWrittenInUnevenPieces_DropsEveryWindowButTheLast_AndKeepsItsBytes()
    {
        var bytes = new byte[(10 * Window) + 1234];
        new Random(7).NextBytes(bytes);
        var path = _files.PathOf("out.bin");

        int dropped;
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            var release = PageCacheRelease.For(stream, 0, Window);
            if (!OperatingSystem.IsLinux())
            {
                release.Should().BeNull("the kernel's advice is Linux's");
                return;
            }

            release.Should().NotBeNull();
            for (var at = 0; at < bytes.Length; at += 3001)
            {
                stream.Write(bytes, at, Math.Min(3001, bytes.Length - at));
                release!.WrittenTo(stream.Position);
            }

            dropped = release!.Dropped;
            release.Working.Should().BeTrue();
        }

        // Ten whole windows handed to the kernel; each but the last dropped once the next was handed.
        dropped.Should().Be(9);
        File.ReadAllBytes(path).Should().Equal(bytes);
    }

    [Fact]
    public void Release_OfADeviceThatSeeks_StopsAtTheFirstRefusal_AndNothingFails()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var stream = new FileStream("/dev/null", FileMode.Open, FileAccess.Write);
        var release = PageCacheRelease.For(stream, 0, Window);

        release.Should().NotBeNull("/dev/null seeks, so only the kernel can tell it is not a file");
        release!.WrittenTo(5L * Window);

        release.Working.Should().BeFalse();
        release.Dropped.Should().Be(0);
    }

    [Fact]
    public void Release_OfAPipe_IsNone()
    {
        var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.Out);
        using (pipe)
        {
            PageCacheRelease.For(pipe, 0, Window).Should().BeNull();
        }
    }

    [Fact]
    public async Task Batch_WithSmallWindows_WritesTheSameFileAsWithoutThem()
    {
        var input = Intake(400);
        var released = _files.PathOf("released.jsonl");
        var kept = _files.PathOf("kept.jsonl");

        var first = await RunBatchAsync(Window, "--input", input, "--output", released);
        var second = await RunBatchAsync(0, "--input", input, "--output", kept);

        first.Should().Be(second).And.Be(0);
        new FileInfo(released).Length.Should().BeGreaterThan(4L * Window, "the output spans several windows");
        File.ReadAllBytes(released).Should().Equal(File.ReadAllBytes(kept));
    }

    [Fact]
    public async Task Resume_WithSmallWindows_FromAnUnalignedCut_EndsWithTheUninterruptedRunsBytes()
    {
        var input = Intake(400);
        var complete = _files.PathOf("complete.jsonl");
        await RunBatchAsync(0, "--input", input, "--output", complete);

        var first = _files.Write("first.jsonl", string.Concat(File.ReadLines(input).Take(150).Select(l => l + "\n")));
        var resumed = _files.PathOf("resumed.jsonl");
        await RunBatchAsync(Window, "--input", first, "--output", resumed);
        (new FileInfo(resumed).Length % Window).Should().NotBe(0, "the resumed run starts inside a window");

        var exit = await RunBatchAsync(Window, "--input", input, "--output", resumed, "--resume");

        exit.Should().Be(0);
        File.ReadAllBytes(resumed).Should().Equal(File.ReadAllBytes(complete));
    }

    private string Intake(int lines)
    {
        var text = new StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            text.Append(ProfileJson.Minimal().With("painIntensity", i % 11).Build()).Append('\n');
        }

        return _files.Write($"intake-{lines}.jsonl", text.ToString());
    }

    private static async Task<int> RunBatchAsync(long window, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext(TextReader.Null, stdout, stderr) { BatchChunkLines = 16, PageCacheWindow = window };
        var exit = await CliApp.RunAsync(["batch", .. args], context, CancellationToken.None);
        exit.Should().Be(0, stderr.ToString());
        return exit;
    }
}
