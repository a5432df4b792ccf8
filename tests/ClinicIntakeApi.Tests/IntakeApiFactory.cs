using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ClinicIntakeApi.Tests;

/// <summary>The API in memory with the test rule set instead of the built-in one.</summary>
public sealed class IntakeApiFactory : WebApplicationFactory<Program>
{
    public static string RuleFile { get; } = Path.Combine(AppContext.BaseDirectory, "intake-test-rules.yaml");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("SciaticaAdvisor:UseDefaultRules", "false");
        builder.UseSetting("SciaticaAdvisor:ReloadOnChange", "false");
        builder.UseSetting("SciaticaAdvisor:RuleFiles:0", RuleFile);
    }
}
