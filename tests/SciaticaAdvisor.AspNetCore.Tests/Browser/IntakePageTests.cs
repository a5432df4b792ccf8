using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;
using UglyToad.PdfPig;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>The intake page in headless Chromium, filled in as a receptionist would: by clicking the answers LHC-Forms shows and typing numbers.</summary>
[Trait("Category", "Browser")]
public sealed class IntakePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private ChromeDriver Driver => browser.Driver;

    [ChromiumFact]
    public void Receptionist_FillsTheIntake_AndReadsTheStylesWithPressureAndFocusAreas()
    {
        Open();
        Choose("Tight buttock muscle (piriformis syndrome)");
        Choose("No flare-up");
        Choose("Firm pressure is fine");
        Type("painIntensity", "6");
        Choose("Pain in the buttock");
        Answer("diagnosisConfirmed", "Yes");
        Answer("clinicianApproved", "Yes");

        Submit();

        Driver.FindElement(By.Id("banner")).Text.Should().Contain("Massage recommended");
        var first = Driver.FindElements(By.CssSelector("#styles tbody tr"))[0].Text;
        first.Should().Contain("Deep tissue massage").And.Contain("Firm pressure").And.Contain("Deep buttock muscle (piriformis)");
        Driver.FindElement(By.Id("plan")).Text.Should().Contain("Relief phase").And.Contain("Now");
        Driver.FindElement(By.Id("result")).Text.Should().NotContain("deepTissue").And.NotContain("piriformisSyndrome");
        Screenshot("intake-advice.png");
    }

    [ChromiumFact]
    public void Receptionist_TicksSaddleNumbness_AndSeesTheEmergencyBannerFirst_WithNoStyles()
    {
        Open();
        FillRequired();
        Choose("Numbness around the groin, buttocks or inner thighs ('saddle' area)");

        Submit();

        var banner = Driver.FindElement(By.Id("banner"));
        banner.Text.Should().Contain("Emergency");
        banner.GetAttribute("role").Should().Be("alert");
        Driver.FindElements(By.Id("styles")).Should().BeEmpty();
        var first = (string?)Driver.ExecuteScript("return document.querySelector('#result').firstElementChild.nextElementSibling.nextElementSibling.id;");
        first.Should().Be("banner", "the referral comes before anything else");
        Contrast("#banner").Should().BeGreaterThanOrEqualTo(4.5);
        Contrast("#print").Should().BeGreaterThanOrEqualTo(4.5);
    }

    [ChromiumFact]
    public void UntouchedClearanceQuestions_MeanNotConfirmed_SoTheAdviceWaitsForClearance()
    {
        Open();
        FillRequired();

        Submit();

        Driver.FindElement(By.Id("banner")).Text.Should().Contain("Doctor's clearance needed first");
    }

    [ChromiumFact]
    public void Handout_PrintsToPdf_WithTheAdviceAndWithoutTheStaffForm()
    {
        Open();
        FillRequired();
        Answer("diagnosisConfirmed", "Yes");
        Answer("clinicianApproved", "Yes");
        Submit();

        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        Screenshot("handout.png");
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "" });
        var pdf = Convert.FromBase64String(Driver.Print(new PrintOptions()).AsBase64EncodedString);
        File.WriteAllBytes(Path.Combine(BrowserFixture.ArtifactsDirectory, "handout.pdf"), pdf);

        using var document = PdfDocument.Open(pdf);
        // PDF text has no spaces where lines wrap: compare without white space.
        var text = NoSpace(string.Join("", document.GetPages().Select(p => p.Text)));
        text.Should().Contain(NoSpace("Your massage advice for sciatica")).And.Contain(NoSpace("Massage recommended")).And.Contain(NoSpace("Deep tissue massage")).And.Contain(NoSpace("Medium pressure"));
        text.Should().NotContain(NoSpace("The intake form")).And.NotContain(NoSpace("Get the massage advice"));
    }

    [ChromiumFact]
    public void KeyboardOnly_ReachesTheAdviseButton_AndHearsWhatIsMissing()
    {
        Open();
        var actions = new Actions(Driver);
        for (var i = 0; i < 120 && Driver.SwitchTo().ActiveElement().GetAttribute("id") != "advise"; i++)
        {
            actions.SendKeys(Keys.Tab).Perform();
        }

        Driver.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("advise");
        actions.SendKeys(Keys.Enter).Perform();

        var errors = new WebDriverWait(Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElements(By.CssSelector("#errors li")).Count > 0 ? d.FindElement(By.Id("errors")) : null);
        errors.Text.Should().Contain("What has a doctor said is causing the sciatica?");
        Driver.SwitchTo().ActiveElement().GetAttribute("id").Should().Be("errors");
    }

    [ChromiumFact]
    public void EveryInput_HasALabel()
    {
        Open();

        var unlabelled = Convert.ToInt64(Driver.ExecuteScript("""
            return [...document.querySelectorAll('input, select, textarea')]
              .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .length;
            """), System.Globalization.CultureInfo.InvariantCulture);

        unlabelled.Should().Be(0);
        Screenshot("intake-form.png");
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private void Open()
    {
        Driver.Navigate().GoToUrl(browser.Url);
        new WebDriverWait(Driver, TimeSpan.FromSeconds(30)).Until(d => d.FindElement(By.Id("advise")).Enabled);
    }

    private void FillRequired()
    {
        Choose("Tight buttock muscle (piriformis syndrome)");
        Choose("No flare-up");
        Choose("Medium pressure at most");
        Type("painIntensity", "3");
    }

    private void Choose(string answer) =>
        Driver.FindElement(By.XPath($"//label[.//input[@type='radio' or @type='checkbox']][normalize-space(.)=\"{answer}\"]")).Click();

    private void Answer(string linkId, string answer) =>
        Driver.FindElement(By.XPath($"//input[@name='radiogroup_{linkId}/1/1']/ancestor::label[normalize-space(.)='{answer}']")).Click();

    private void Type(string linkId, string text)
    {
        var input = Driver.FindElement(By.Id($"{linkId}/1/1"));
        input.Clear();
        input.SendKeys(text);
    }

    private void Submit()
    {
        Driver.FindElement(By.Id("advise")).Click();
        new WebDriverWait(Driver, TimeSpan.FromSeconds(15)).Until(d => d.FindElements(By.Id("banner")).Count > 0 || d.FindElements(By.CssSelector("#errors li")).Count > 0);
        Driver.FindElements(By.CssSelector("#errors li")).Should().BeEmpty(Driver.FindElement(By.Id("errors")).Text);
    }

    private double Contrast(string selector) => Convert.ToDouble(Driver.ExecuteScript("""
        const el = document.querySelector(arguments[0]);
        const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
        const s = getComputedStyle(el);
        const [a, b] = [lum(rgb(s.color)), lum(rgb(s.backgroundColor))];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        """, selector), System.Globalization.CultureInfo.InvariantCulture);

    private void Screenshot(string name)
    {
        var height = Convert.ToInt32(Driver.ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        Driver.Manage().Window.Size = new System.Drawing.Size(1280, Math.Min(Math.Max(height, 800), 4000));
        Driver.GetScreenshot().SaveAsFile(Path.Combine(BrowserFixture.ArtifactsDirectory, name));
        Driver.Manage().Window.Size = new System.Drawing.Size(1280, 1400);
    }
}
