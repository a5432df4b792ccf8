using SciaticaAdvisor.Cli.Tests.Support;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Tests.Commands;

public sealed class SchemaCommandTests
{
    [Fact]
    public async Task Schema_Profile_PrintsTheProfileSchema()
    {
        var result = await Tool.RunAsync("schema", "profile");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Be(JsonSchemas.Profile + "\n");
        result.Stderr.Should().BeEmpty();
    }

    [Fact]
    public async Task Schema_Advice_PrintsTheAdviceSchema()
    {
        var result = await Tool.RunAsync("schema", "advice");

        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Be(JsonSchemas.Advice + "\n");
    }

    [Fact]
    public async Task Schema_WithRulesOption_StillPrintsWithoutLoadingRules()
    {
        var loader = new StubAdvisorLoader();

        var result = await Tool.RunAsync(["schema", "profile", "--rules", "clinic.yaml"], string.Empty, loader);

        result.ExitCode.Should().Be(0);
        loader.Loads.Should().BeEmpty();
    }

    [Theory]
    [InlineData("rules")]
    [InlineData("Profile")]
    public async Task Schema_UnknownDocument_IsUsageError(string document)
    {
        var result = await Tool.RunAsync("schema", document);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain($"'{document}'");
    }

    [Fact]
    public async Task Schema_WithoutDocument_IsUsageError()
    {
        var result = await Tool.RunAsync("schema");

        result.ExitCode.Should().Be(2);
    }
}
