using System.Diagnostics;
using SciaticaAdvisor.Tests.Reliability.Fuzzing;

namespace SciaticaAdvisor.Tests.Reliability;

/// <summary>
/// Equal input gives equal output across processes, JIT modes and thread counts: the console fuzzer's
/// <c>--digest</c> mode prints a SHA-256 over the JSON of a fixed seeded list of advices, and every
/// run must print the digest this process computes.
/// </summary>
public class DeterminismTests
{
    private const int Seed = 20_261_125;
    private const int Count = 3000;

    // The reference digest, one thread in this process: both tests compare with it, so it is made once.
    private static readonly Lazy<string> OneThread = new(() => FuzzOracle.Digest(FuzzRuleSet.Build(), Seed, Count, threads: 1));

    [Fact]
    public void AdviceDigest_IsTheSame_InChildProcesses_WithoutTieredCompilation_AndOnManyThreads()
    {
        var expected = OneThread.Value;
        var fuzzer = FuzzerDll();

        string[] digests =
        [
            Run(fuzzer, threads: 1),
            Run(fuzzer, threads: 8),
            Run(fuzzer, threads: 1, ("DOTNET_TieredCompilation", "0")),
            Run(fuzzer, threads: 4, ("DOTNET_TieredPGO", "0"), ("DOTNET_ReadyToRun", "0")),
        ];

        expected.Should().MatchRegex("^[0-9a-f]{64}$");
        digests.Should().AllBe(expected);
    }

    [Fact]
    public void AdviceDigest_InProcess_DoesNotDependOnTheThreadCount() =>
        FuzzOracle.Digest(FuzzRuleSet.Build(), Seed, Count, threads: 8)
            .Should().Be(OneThread.Value);

    private static string Run(string fuzzer, int threads, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", fuzzer, "--digest", "--seed", $"{Seed}", "--count", $"{Count}", "--threads", $"{threads}" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(2)).Should().BeTrue("the digest run should finish");
        process.ExitCode.Should().Be(0, error.Result);
        return output.Result.Trim();
    }

    /// <summary>The console fuzzer built next to this test assembly's configuration; built here when it is missing.</summary>
    private static string FuzzerDll()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SciaticaAdvisor.sln")))
        {
            directory = directory.Parent;
        }

        directory.Should().NotBeNull("the tests run inside the repository");
#if DEBUG
        const string Configuration = "Debug";
#else
        const string Configuration = "Release";
#endif
        var project = Path.Combine(directory!.FullName, "tests", "SciaticaAdvisor.Fuzz");
        var dll = Path.Combine(project, "bin", Configuration, "net10.0", "SciaticaAdvisor.Fuzz.dll");
        // Built when missing or older than its sources, so a stale fuzzer cannot fake a difference. (Its
        // own code is compared with its dll, the library's with the library's copy next to it: a build
        // that finds nothing to do leaves both as they were.)
        var library = Path.Combine(Path.GetDirectoryName(dll)!, "SciaticaAdvisor.dll");
        var fuzzerSources = Directory.GetFiles(Path.Combine(directory.FullName, "tests", "SciaticaAdvisor.Tests", "Reliability", "Fuzzing"), "*.cs")
            .Concat(Directory.GetFiles(project, "*.cs"));
        var librarySources = Directory.GetFiles(Path.Combine(directory.FullName, "src", "SciaticaAdvisor"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        static bool Newer(IEnumerable<string> sources, string target) =>
            !File.Exists(target) || sources.Any(source => File.GetLastWriteTimeUtc(source) > File.GetLastWriteTimeUtc(target));
        if (Newer(fuzzerSources, dll) || Newer(librarySources, library))
        {
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", project, "-c", Configuration, "--nologo", "-v", "quiet"]) { UseShellExecute = false })!;
            build.WaitForExit(TimeSpan.FromMinutes(5));
        }

        File.Exists(dll).Should().BeTrue($"the console fuzzer should be built at {dll}");
        return dll;
    }
}
