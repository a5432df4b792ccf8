using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.AspNetCore.Tests.Hosting;

/// <summary>The sample clinic app (the package's endpoints in a host of its own) in memory, with the built-in rules and settings a test chooses.</summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ServiceFactory()
        : this([])
    {
    }

    // Internal: xunit takes a class fixture's one public constructor; tests with settings call this one.
    internal ServiceFactory(Dictionary<string, string?> settings) => _settings = settings;

    /// <summary>Every log event the host wrote, to prove what is and is not logged.</summary>
    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("SciaticaAdvisor:ReloadOnChange", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Debug");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureServices(services => services.AddSingleton(Logs));
    }
}
