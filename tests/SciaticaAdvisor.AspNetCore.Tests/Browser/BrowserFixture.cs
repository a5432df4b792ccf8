using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium.Chrome;
using SciaticaAdvisor.AspNetCore.Tests.Hosting;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>One service on a loopback port and one headless Chromium for a whole test class, started on first use.</summary>
public sealed class BrowserFixture : IDisposable
{
    private readonly Lazy<(ServiceFactory Factory, ChromeDriver Driver, string Url, string Profile)> _started;

    public BrowserFixture() => _started = new(Start);

    public ChromeDriver Driver => _started.Value.Driver;

    public string Url => _started.Value.Url;

    /// <summary>The repository's root folder (where <c>SciaticaAdvisor.sln</c> is).</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SciaticaAdvisor.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? AppContext.BaseDirectory;
        }
    }

    /// <summary>Where screenshots and the handout PDF are kept: <c>artifacts/browser/</c> at the repository root (never committed).</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var path = Path.Combine(RepositoryRoot, "artifacts", "browser");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public void Dispose()
    {
        if (!_started.IsValueCreated)
        {
            return;
        }

        var (factory, driver, _, profile) = _started.Value;
        driver.Quit();
        factory.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static (ServiceFactory, ChromeDriver, string, string) Start()
    {
        var factory = new ServiceFactory();
        factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var url = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumFactAttribute.Driver)!, Path.GetFileName(ChromiumFactAttribute.Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var profile = Path.Combine(Path.GetTempPath(), "sciatica-chromium-" + Guid.NewGuid().ToString("N"));
        var options = new ChromeOptions { BinaryLocation = ChromiumFactAttribute.Browser };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1400", "--user-data-dir=" + profile);
        return (factory, new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), url, profile);
    }
}
