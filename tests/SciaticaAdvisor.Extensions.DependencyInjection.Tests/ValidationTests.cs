using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests;

public sealed class ValidationTests : IDisposable
{
    private readonly TestRules _rules = new();

    public void Dispose() => _rules.Dispose();

    [Fact]
    public void StartupValidation_MissingRuleFile_NamesTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-rules-" + Guid.NewGuid() + ".yaml");
        using var services = Build(o => o.RuleFiles.Add(missing));

        var validate = () => services.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().ContainSingle().Which.Should().Contain(missing).And.Contain("does not exist");
    }

    [Fact]
    public void StartupValidation_RuleFileThatDoesNotLoad_GivesTheErrorsWithLineAndColumn()
    {
        _rules.Write(TestRules.Broken);
        using var services = Build(o => o.RuleFiles.Add(_rules.Path));

        var validate = () => services.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>()
            .Which.Failures.Should().Contain(f => f.Contains(_rules.Path + ":5:1:", StringComparison.Ordinal));
    }

    [Fact]
    public void ResolvingTheProvider_WithAnInvalidRuleFile_Throws()
    {
        _rules.Write(TestRules.Broken);
        using var services = Build(o => o.RuleFiles.Add(_rules.Path));

        var resolve = () => services.GetRequiredService<IAdvisorProvider>();

        resolve.Should().Throw<OptionsValidationException>();
    }

    [Fact]
    public void StartupValidation_NegativeReloadDelay_Fails()
    {
        using var services = Build(o =>
        {
            o.RuleFiles.Add(_rules.Path);
            o.ReloadDelay = TimeSpan.FromSeconds(-1);
        });

        var validate = () => services.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().Throw<OptionsValidationException>().WithMessage("*ReloadDelay*");
    }

    [Fact]
    public void StartupValidation_GoodRuleFile_Passes()
    {
        using var services = Build(o => o.RuleFiles.Add(_rules.Path));

        var validate = () => services.GetRequiredService<IStartupValidator>().Validate();

        validate.Should().NotThrow();
    }

    private static ServiceProvider Build(Action<SciaticaAdvisorOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSciaticaAdvisor(configure);
        return services.BuildServiceProvider();
    }
}
