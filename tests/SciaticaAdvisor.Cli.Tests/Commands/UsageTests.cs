using SciaticaAdvisor.Cli.Tests.Support;

namespace SciaticaAdvisor.Cli.Tests.Commands;

/// <summary>Usage errors exit 2 with a message; help exits 0 with an example.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task NoCommand_IsUsageErrorExitTwo()
    {
        var result = await Tool.RunStubbedAsync();

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.StderrLines.Should().Equal(
            "sciatica-advisor: Required command was not provided.",
            "Run 'sciatica-advisor --help' for usage.");
    }

    [Fact]
    public async Task UnknownCommand_IsUsageErrorExitTwo()
    {
        var result = await Tool.RunStubbedAsync("advice");

        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("'advice'");
    }

    [Fact]
    public async Task UnknownOption_IsUsageErrorExitTwo()
    {
        var result = await Tool.RunStubbedAsync("advise", "--indent");

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain("--indent");
    }

    [Fact]
    public async Task EmptyRulesValue_IsUsageErrorExitTwo()
    {
        var result = await Tool.RunStubbedAsync("advise", "--rules", " ");

        result.ExitCode.Should().Be(2);
        result.StderrLines[0].Should().Be("sciatica-advisor: --rules needs a file name or @default, not an empty value");
    }

    [Theory]
    [InlineData("advise", "sciatica-advisor advise samples/profiles/piriformis.json")]
    [InlineData("batch", "sciatica-advisor batch --input samples/profiles/intake.jsonl")]
    [InlineData("schema", "sciatica-advisor schema profile")]
    [InlineData("explain", "sciatica-advisor explain samples/profiles/acute-disc.json")]
    [InlineData("sample", "sciatica-advisor sample --count 1000 --seed 42")]
    [InlineData("lint", "sciatica-advisor lint --rules clinic.yaml")]
    [InlineData("verify", "sciatica-advisor verify --rules clinic.yaml")]
    [InlineData("test", "sciatica-advisor test\n  sciatica-advisor test rules/scenarios/flares.yaml")]
    [InlineData("diff", "sciatica-advisor diff --rules @default --against @default --against clinic.yaml --input population.jsonl")]
    public async Task Help_ForEachCommand_ShowsUsageRulesOptionAndAnExample(string command, string example)
    {
        var result = await Tool.RunStubbedAsync(command, "--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain($"sciatica-advisor {command}")
            .And.Contain("--rules <FILE>")
            .And.Contain("Examples:\n  " + example);
    }

    [Fact]
    public async Task Help_AtTheRoot_ListsTheCommands()
    {
        var result = await Tool.RunStubbedAsync("--help");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain("advise").And.Contain("batch").And.Contain("schema").And.Contain("Examples:");
        foreach (var command in new[] { "explain", "sample", "diff", "lint", "test", "verify" })
        {
            result.StdoutLines.Should().Contain(line => line.StartsWith("  " + command + " ", StringComparison.Ordinal), command);
        }
    }

    [Fact]
    public async Task PublicEntry_RunsWithPlainStreams()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await CliApp.RunAsync(["schema", "advice"], TextReader.Null, stdout, stderr);

        exitCode.Should().Be(0);
        stdout.ToString().Should().StartWith("{");
    }
}
