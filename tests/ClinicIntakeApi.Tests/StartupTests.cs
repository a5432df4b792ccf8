using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace ClinicIntakeApi.Tests;

public sealed class StartupTests
{
    [Fact]
    public void App_WithARuleFileThatDoesNotLoad_DoesNotStart()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, "name: broken\nversion: 1\nrules: [ { id: x } ]\n");
        try
        {
            using var factory = new IntakeApiFactory().WithWebHostBuilder(b => b.UseSetting("SciaticaAdvisor:RuleFiles:0", broken));

            var start = () => factory.CreateClient();

            start.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain(broken);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
