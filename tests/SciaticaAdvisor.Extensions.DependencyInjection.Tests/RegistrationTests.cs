using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests;

public sealed class RegistrationTests : IDisposable
{
    private readonly TestRules _rules = new("1.0.0");

    public void Dispose() => _rules.Dispose();

    [Fact]
    public void AddSciaticaAdvisor_RegistersOneProviderForTheWholeContainer()
    {
        using var services = Services().BuildServiceProvider();

        var first = services.GetRequiredService<IAdvisorProvider>();
        using var scope = services.CreateScope();

        scope.ServiceProvider.GetRequiredService<IAdvisorProvider>().Should().BeSameAs(first);
    }

    [Fact]
    public void Advisor_ResolvesToTheProvidersCurrentAdvisor()
    {
        using var services = Services().BuildServiceProvider();

        var advisor = services.GetRequiredService<Advisor>();

        advisor.Should().BeSameAs(services.GetRequiredService<IAdvisorProvider>().Current);
    }

    [Fact]
    public void Advisor_AdvisesWithTheConfiguredRuleFile()
    {
        using var services = Services().BuildServiceProvider();

        var advice = services.GetRequiredService<Advisor>().Advise(TestRules.Profile);

        advice.RuleSet.Name.Should().Be("test-rules");
        advice.RuleSet.Version.Should().Be("1.0.0");
        advice.Styles.Select(s => s.Style).Should().Equal(MassageStyle.Shiatsu, MassageStyle.Relaxation);
    }

    [Fact]
    public void AddSciaticaAdvisor_WithoutRuleFiles_UsesTheBuiltInRules()
    {
        var services = new ServiceCollection();
        services.AddSciaticaAdvisor();
        using var provider = services.BuildServiceProvider();

        var advice = provider.GetRequiredService<Advisor>().Advise(TestRules.Profile);

        advice.RuleSet.Name.Should().Be("sciatica-massage");
    }

    [Fact]
    public void AddSciaticaAdvisor_ClinicFileOverTheDefault_ListsBothLayers()
    {
        var services = new ServiceCollection();
        services.AddSciaticaAdvisor(o =>
        {
            o.UseDefaultRules = true;
            o.RuleFiles.Add(_rules.Path);
        });
        using var provider = services.BuildServiceProvider();

        var ruleSet = provider.GetRequiredService<IAdvisorProvider>().Current.RuleSet;

        ruleSet.Layers!.Value.Select(l => l.Name).Should().Equal("sciatica-massage", "test-rules");
    }

    [Fact]
    public void AddSciaticaAdvisor_CalledTwice_StillRegistersOneProviderAndOneValidator()
    {
        var services = Services();
        services.AddSciaticaAdvisor();

        services.Count(d => d.ServiceType == typeof(IAdvisorProvider)).Should().Be(1);
        services.Count(d => d.ServiceType == typeof(Microsoft.Extensions.Options.IValidateOptions<SciaticaAdvisorOptions>)).Should().Be(1);
    }

    [Fact]
    public void Provider_LoadsTheRuleSetOnceAtStartup()
    {
        var logs = new CapturingLoggerProvider();
        var services = Services();
        services.AddLogging(l => l.AddProvider(logs));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        _ = provider.GetRequiredService<IAdvisorProvider>().Current;

        logs.Count(eventId: 1).Should().Be(1, "validating the options loads the rule set, and the provider reuses it");
    }

    private ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddSciaticaAdvisor(o => o.RuleFiles.Add(_rules.Path));
        return services;
    }
}
