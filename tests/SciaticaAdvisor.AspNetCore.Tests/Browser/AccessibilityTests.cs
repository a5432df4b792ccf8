using OpenQA.Selenium;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>axe-core's WCAG 2 A and AA rules (contrast, every input labelled, names, structure) on every view staff and patients see: the form empty and filled, each kind of advice, the handout as printed, and the explanation page.</summary>
[Trait("Category", "Browser")]
[Collection(SharedBrowser.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    private readonly IntakePage _page = new(browser);

    [ChromiumFact]
    public void EmptyForm_HasNoWcagAaViolation()
    {
        _page.Open();

        Axe.ShouldFindNone(_page.Driver, "the empty form");
        _page.Screenshot("intake-form.png");
    }

    [ChromiumFact]
    public void FilledForm_ItsAdvice_AndTheHandout_HaveNoWcagAaViolation()
    {
        _page.Open();
        _page.FillRequired();
        _page.Choose("Pain in the buttock");
        _page.Choose("Pregnant");
        _page.Answer("diagnosisConfirmed", "Yes");
        _page.Answer("clinicianApproved", "Yes");
        Axe.ShouldFindNone(_page.Driver, "the filled form");

        _page.Submit();

        _page.Driver.FindElement(By.Id("banner")).Text.Should().Contain(PlainWords.Display(AdviceStatus.Recommended), "the scan covers a full advice: styles, what to avoid, the plan");
        _page.Driver.FindElements(By.CssSelector("#avoid li")).Should().NotBeEmpty();
        Axe.ShouldFindNone(_page.Driver, "the advice on screen");
        _page.EmulatePrint(true);
        Axe.ShouldFindNone(_page.Driver, "the printed handout");
    }

    [ChromiumTheory]
    [InlineData("Numbness around the groin, buttocks or inner thighs ('saddle' area)", ReferralUrgency.Emergency, null)]
    [InlineData("Fever", ReferralUrgency.Urgent, null)]
    [InlineData(null, null, AdviceStatus.ClearanceNeeded)]
    public void EveryBanner_OnScreenAndPrinted_HasNoWcagAaViolation(string? tick, ReferralUrgency? urgency, AdviceStatus? status)
    {
        var banner = urgency is { } u ? PlainWords.Display(u) : PlainWords.Display(status!.Value);
        _page.Open();
        _page.FillRequired();
        if (tick is not null)
        {
            _page.Choose(tick);
        }

        _page.Submit();

        _page.Driver.FindElement(By.Id("banner")).Text.Should().Contain(banner);
        Axe.ShouldFindNone(_page.Driver, $"the advice on screen ({banner})");
        _page.EmulatePrint(true);
        Axe.ShouldFindNone(_page.Driver, $"the printed handout ({banner})");
    }

    [ChromiumFact]
    public void AboutPage_HasNoWcagAaViolation()
    {
        _page.EmulatePrint(false);
        _page.Driver.Navigate().GoToUrl(browser.Url + "about");

        Axe.ShouldFindNone(_page.Driver, "the page on how the advice is made");
    }
}
