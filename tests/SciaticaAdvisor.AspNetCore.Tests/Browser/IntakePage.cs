using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>The intake page as staff use it with a mouse: open it, click the answers LHC-Forms shows, type numbers, get the advice.</summary>
internal sealed class IntakePage(BrowserFixture browser)
{
    public ChromeDriver Driver => browser.Driver;

    /// <summary>Opens the page on screen (not as printed) and waits for the form.</summary>
    public void Open()
    {
        EmulatePrint(false);
        Driver.Navigate().GoToUrl(browser.Url);
        new WebDriverWait(Driver, TimeSpan.FromSeconds(30)).Until(d => d.FindElement(By.Id("advise")).Enabled);
    }

    public void FillRequired()
    {
        Choose("Tight buttock muscle (piriformis syndrome)");
        Choose("No flare-up");
        Choose("Medium pressure at most");
        Type("painIntensity", "3");
    }

    /// <summary>Clicks the radio button or check box whose label reads <paramref name="answer"/>.</summary>
    public void Choose(string answer) =>
        Driver.FindElement(By.XPath($"//label[.//input[@type='radio' or @type='checkbox']][normalize-space(.)=\"{answer}\"]")).Click();

    /// <summary>Clicks an answer of a yes/no question, whose answers read alike across questions.</summary>
    public void Answer(string linkId, string answer) =>
        Driver.FindElement(By.XPath($"//input[@name='radiogroup_{linkId}/1/1']/ancestor::label[normalize-space(.)='{answer}']")).Click();

    public void Type(string linkId, string text)
    {
        var input = Driver.FindElement(By.Id($"{linkId}/1/1"));
        input.Clear();
        input.SendKeys(text);
    }

    public void Submit()
    {
        Driver.FindElement(By.Id("advise")).Click();
        WaitForAdvice();
    }

    /// <summary>Waits for the advice (or the problems) after the form was sent, and fails on problems.</summary>
    public void WaitForAdvice()
    {
        new WebDriverWait(Driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.Id("banner")).Count > 0 || d.FindElements(By.CssSelector("#errors li")).Count > 0);
        Driver.FindElements(By.CssSelector("#errors li")).Should().BeEmpty(Driver.FindElement(By.Id("errors")).Text);
    }

    public void EmulatePrint(bool print) =>
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = print ? "print" : "" });

    /// <summary>Keeps a screenshot of the whole page in <see cref="BrowserFixture.ArtifactsDirectory"/>.</summary>
    public void Screenshot(string name)
    {
        var height = Convert.ToInt32(Driver.ExecuteScript("return document.documentElement.scrollHeight;"), CultureInfo.InvariantCulture);
        Driver.Manage().Window.Size = new System.Drawing.Size(1280, Math.Min(Math.Max(height + 200, 800), 5000));
        Driver.ExecuteScript("window.scrollTo(0, 0);");
        Driver.GetScreenshot().SaveAsFile(Path.Combine(BrowserFixture.ArtifactsDirectory, name));
        Driver.Manage().Window.Size = new System.Drawing.Size(1280, 1400);
    }
}
