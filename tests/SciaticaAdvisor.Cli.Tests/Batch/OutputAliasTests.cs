using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Batch;

/// <summary><c>batch --output</c> never destroys a file it reads, whatever name the output gives it.</summary>
public sealed class OutputAliasTests : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly string _input;
    private readonly string _text = ProfileJson.ContractExample().Build() + "\n";

    public OutputAliasTests() => _input = _files.Write("in.jsonl", _text);

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Output_ThatIsTheInputThroughASymbolicLink_IsRefused_AndTheInputKept()
    {
        var link = _files.PathOf("link.jsonl");
        File.CreateSymbolicLink(link, _input);

        await RefusedAsync(link, "--input");
    }

    [Fact]
    public async Task Output_ThatIsTheInputThroughAHardLink_IsRefused_AndTheInputKept()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var link = _files.PathOf("hard.jsonl");
        using (var ln = System.Diagnostics.Process.Start("ln", [_input, link]))
        {
            await ln.WaitForExitAsync();
        }

        await RefusedAsync(link, "--input");
    }

    [Fact]
    public async Task Output_ThatIsTheInputThroughProcSelfCwd_IsRefused_AndTheInputKept()
    {
        if (!Directory.Exists("/proc/self/cwd"))
        {
            return;
        }

        // The path is resolved against this process's working directory, wherever the input lies.
        var through = "/proc/self/cwd/" + Path.GetRelativePath(Environment.CurrentDirectory, _input);

        await RefusedAsync(through, "--input");
    }

    [Fact]
    public async Task Output_ThatIsARuleFile_IsRefused_AndTheRulesKept()
    {
        var rules = _files.Write("rules.yaml", File.ReadAllText(TestRules.Clean));

        var result = await Tool.RunAsync("batch", "--input", _input, "--rules", rules, "--output", Path.Combine(Path.GetDirectoryName(rules)!, ".", "rules.yaml"));

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("is the file --rules");
        File.ReadAllText(rules).Should().Be(File.ReadAllText(TestRules.Clean));
    }

    [Fact]
    public async Task Output_ThatIsAnotherFile_IsWritten()
    {
        var result = await Tool.RunStubbedAsync("batch", "--input", _input, "--output", _files.PathOf("out.jsonl"));

        result.ExitCode.Should().Be(0);
        File.ReadAllLines(_files.PathOf("out.jsonl")).Should().ContainSingle();
    }

    private async Task RefusedAsync(string output, string option)
    {
        var result = await Tool.RunStubbedAsync("batch", "--input", _input, "--output", output);

        result.ExitCode.Should().Be(2);
        result.StderrLines.Should().ContainSingle().Which.Should().Be(
            $"sciatica-advisor: --output '{output}' is the file {option} '{_input}' (the same file under another name or through a link); "
            + "writing it would destroy what is read. Write the output elsewhere");
        File.ReadAllText(_input).Should().Be(_text, "the input is untouched");
    }
}
