using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace ClinicIntakeApi.Tests.Browser;

/// <summary>Fills in the intake page in headless Chromium against the API on a loopback port.</summary>
[Trait("Category", "Browser")]
public sealed class IntakePageTests : IDisposable
{
    private readonly IntakeApiFactory _factory = new();
    private readonly Lazy<(ChromeDriver Driver, string Url)> _browser;

    public IntakePageTests() => _browser = new(Start);

    private ChromeDriver Driver => _browser.Value.Driver;

    public void Dispose()
    {
        if (_browser.IsValueCreated)
        {
            _browser.Value.Driver.Quit();
        }

        _factory.Dispose();
    }

    [ChromiumFact]
    public void Submit_ValidProfile_ShowsTheRankedStyles()
    {
        Open();

        Driver.FindElement(By.Id("advise")).Click();

        WaitFor("status").Text.Should().Be("recommended");
        Driver.FindElements(By.CssSelector("#styles tr")).Should().HaveCount(3, "a header and two styles");
        Driver.FindElement(By.Id("result")).Text.Should().Contain("intake-test-rules 1.2.3");
    }

    [ChromiumFact]
    public void Submit_WithSaddleAnesthesia_ShowsTheEmergencyReferral()
    {
        Open();

        Driver.FindElement(By.CssSelector("input[name=redFlags][value=saddleAnesthesia]")).Click();
        Driver.FindElement(By.Id("advise")).Click();

        WaitFor("status").Text.Should().Be("referral");
        Driver.FindElement(By.Id("referral")).Text.Should().Contain("emergency");
        Driver.FindElements(By.Id("styles")).Should().BeEmpty();
    }

    [ChromiumFact]
    public void Submit_ValueTheApiRefuses_ShowsTheErrorWithItsPath()
    {
        Open();
        // Past the browser's own min/max check, so the API's answer is what the page shows.
        Driver.ExecuteScript("document.getElementById('intake').noValidate = true;");
        var intensity = Driver.FindElement(By.Id("painIntensity"));
        intensity.Clear();
        intensity.SendKeys("11");

        Driver.FindElement(By.Id("advise")).Click();

        WaitFor("errors").Text.Should().Contain("$.painIntensity").And.Contain("11");
    }

    private void Open() => Driver.Navigate().GoToUrl(_browser.Value.Url);

    private IWebElement WaitFor(string id) =>
        new WebDriverWait(Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElements(By.Id(id)).FirstOrDefault());

    private (ChromeDriver, string) Start()
    {
        _factory.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var url = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumFactAttribute.Driver)!, Path.GetFileName(ChromiumFactAttribute.Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumFactAttribute.Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1024");
        return (new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), url + "/");
    }
}
