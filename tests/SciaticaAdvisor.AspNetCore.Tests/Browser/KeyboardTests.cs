using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>A receptionist who does not use a mouse fills in the whole intake, corrects an answer, gets the advice and goes back to the form, all by keyboard.</summary>
[Trait("Category", "Browser")]
[Collection(SharedBrowser.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    private readonly IntakePage _page = new(browser);

    [ChromiumFact]
    public async Task Receptionist_WithoutAMouse_FillsTheWholeIntake_AndReadsTheAdviceInWords()
    {
        _page.Open();
        var keys = new Keyboard(_page.Driver);

        // The skip link is the first Tab stop, visible when focused, and leads into the form.
        keys.TabTo(_ => true, "the first Tab stop").Should().Match<Keyboard.Stop>(s => s.Tag == "A" && s.Label == "Skip to the form");
        keys.Press(Keys.Enter);
        keys.Focused.Id.Should().Be("intake-form");

        keys.PickRadio("cause", "Tight buttock muscle (piriformis syndrome)");
        keys.PickRadio("flare", "No flare-up");
        keys.PickRadio("painSensitivity", "Firm pressure is fine");
        keys.TypeInto("painIntensity", "6");
        keys.TypeInto("symptomWeeks", "8");
        keys.Tick("Pain in the buttock");
        keys.Tick("Worse when sitting");
        keys.Tick("Fever");
        keys.TabTo(s => s.Label == "Fever", "Fever again", backwards: true);
        keys.Press(Keys.Space);
        keys.Settled(s => !s.Checked).Checked.Should().BeFalse("Space unticks a warning sign ticked by mistake");
        keys.Tick("Reflexology (foot massage)");
        keys.PickRadio("diagnosisConfirmed", "Yes");
        keys.PickRadio("clinicianApproved", "Yes");
        keys.TypeInto("weeksInTreatment", "1");
        keys.TypeInto("painIntensity", "5", backwards: true);
        keys.TabTo(s => s.Id == "advise", "the advise button");
        keys.Press(Keys.Enter);
        _page.WaitForAdvice();

        keys.Focused.Id.Should().Be("result", "the advice takes the focus, so it is read out first");
        var expected = await ExpectedAdvice("""
            { "cause": "piriformisSyndrome", "flare": "none", "painSensitivity": "low", "painIntensity": 5, "symptomWeeks": 8,
              "symptoms": ["buttockPain", "worseWhenSitting"], "avoidStyles": ["reflexology"], "diagnosisConfirmed": true,
              "clinicianApproved": true, "weeksInTreatment": 1 }
            """);
        _page.Driver.FindElement(By.Id("banner")).Text.Should().Contain(PlainWords.Display(expected.Status));
        var rows = _page.Driver.FindElements(By.CssSelector("#styles tbody tr")).Select(r => r.Text).ToList();
        rows.Should().HaveSameCount(expected.Styles);
        foreach (var (row, style) in rows.Zip(expected.Styles))
        {
            row.Should().Contain(PlainWords.Display(style.Style)).And.Contain(PlainWords.Display(style.Pressure));
            foreach (var area in style.FocusAreas)
            {
                row.Should().Contain(PlainWords.Display(area));
            }
        }

        rows.Should().NotContain(r => r.Contains(PlainWords.Display(MassageStyle.Reflexology), StringComparison.Ordinal), "the patient does not want reflexology");

        keys.TabTo(s => s.Tag == "A" && s.Label == "How this advice is made", "the link to how the advice is made");
        keys.TabTo(s => s.Id == "print", "the print button");
        keys.TabTo(s => s.Id == "again", "the back-to-the-form button");
        keys.Press(Keys.Enter);
        keys.Focused.Id.Should().Be("form-title", "going back to the form moves the focus there");
        keys.StopsWithoutVisibleFocus.Should().BeEmpty("every Tab stop shows where the focus is, and these do not: {0}", string.Join("; ", keys.StopsWithoutVisibleFocus));
    }

    [ChromiumFact]
    public void KeyboardOnly_SubmittingAnEmptyForm_MovesTheFocusToWhatIsMissing()
    {
        _page.Open();
        var keys = new Keyboard(_page.Driver);

        keys.TabTo(s => s.Id == "advise", "the advise button");
        keys.Press(Keys.Enter);

        var errors = new WebDriverWait(_page.Driver, TimeSpan.FromSeconds(10)).Until(d => d.FindElements(By.CssSelector("#errors li")).Count > 0 ? d.FindElement(By.Id("errors")) : null);
        errors.Text.Should().Contain("What has a doctor said is causing the sciatica?");
        keys.Focused.Id.Should().Be("errors");
        keys.StopsWithoutVisibleFocus.Should().BeEmpty("every Tab stop shows where the focus is, and these do not: {0}", string.Join("; ", keys.StopsWithoutVisibleFocus));
    }

    private async Task<MassageAdvice> ExpectedAdvice(string profile)
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.Url) };
        using var response = await client.PostAsync("advice", new StringContent(profile, System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return SciaticaAdvisor.Serialization.AdvisorJson.DeserializeAdvice(body);
    }
}
