using System.Diagnostics;
using System.Text;
using SciaticaAdvisor.Cli.Advising;

namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>Runs the tool in-process with captured streams, or a built binary of it (<see cref="BinaryVariable"/>), or this test run's build as a process of its own (<see cref="StartBuilt"/>).</summary>
internal static class Tool
{
    /// <summary>
    /// The environment variable that names a built tool (a native AOT publish, say): when set, every
    /// run with the real rule engine and the default chunking starts that binary as a process instead
    /// of calling <see cref="CliApp"/>, so the suite checks the binary's output, errors and exit codes.
    /// </summary>
    public const string BinaryVariable = "SCIATICA_ADVISOR_TEST_BINARY";

    private static readonly string? Binary = Environment.GetEnvironmentVariable(BinaryVariable) is { Length: > 0 } path ? path : null;

    /// <summary>Runs with the real rule engine behind it.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: string.Empty);

    public static async Task<CliResult> RunAsync(string[] args, string stdin, IAdvisorLoader? advisors = null, int chunkLines = 64, bool errorIsTerminal = false)
    {
        if (Binary is not null && advisors is null && chunkLines == 64 && !errorIsTerminal)
        {
            return await RunBinaryAsync(Binary, args, stdin);
        }

        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin);
        var context = new CliContext(input, stdout, stderr) { BatchChunkLines = chunkLines, ErrorIsTerminal = errorIsTerminal };
        if (advisors is not null)
        {
            context = context with { Advisors = advisors };
        }

        var exitCode = await CliApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs with <see cref="StubAdvisor"/> standing in for the rule engine.</summary>
    public static Task<CliResult> RunStubbedAsync(params string[] args) => RunAsync(args, string.Empty, new StubAdvisorLoader());

    /// <summary>
    /// Starts this test run's build of the tool (<c>dotnet sciatica-advisor.dll</c>) as a process of its
    /// own, its three streams redirected as UTF-8: for what only a real process shows (its start, a
    /// kill, a signal). A caller that lets the process write much to standard output or error must
    /// read it, or the process blocks once the pipe is full.
    /// </summary>
    public static Process StartBuilt(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Redirected("dotnet", [Path.Combine(AppContext.BaseDirectory, "sciatica-advisor.dll"), .. args]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs this test run's build of the tool as a process (<see cref="StartBuilt"/>) with no input, to its end.</summary>
    public static async Task<CliResult> RunBuiltAsync(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        using var process = StartBuilt(args, environment);
        return await CompleteAsync(process, string.Empty);
    }

    private static async Task<CliResult> RunBinaryAsync(string binary, string[] args, string stdin)
    {
        using var process = Process.Start(Redirected(binary, args))!;
        return await CompleteAsync(process, stdin);
    }

    private static ProcessStartInfo Redirected(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Feeds the process its input, then waits (two minutes at most) for it to end and collects what it wrote.</summary>
    private static async Task<CliResult> CompleteAsync(Process process, string stdin)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited without reading all of its input (a usage error): what it wrote is the result.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}
