using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;
using OpenQA.Selenium.Support.UI;
using UglyToad.PdfPig;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>The intake page in headless Chromium, filled in as a receptionist would: by clicking the answers LHC-Forms shows and typing numbers.</summary>
[Trait("Category", "Browser")]
[Collection(SharedBrowser.Name)]
public sealed class IntakePageTests(BrowserFixture browser)
{
    private readonly IntakePage _page = new(browser);

    private ChromeDriver Driver => browser.Driver;

    [ChromiumFact]
    public void Receptionist_FillsTheIntake_AndReadsTheStylesWithPressureAndFocusAreas()
    {
        _page.Open();
        _page.Choose("Tight buttock muscle (piriformis syndrome)");
        _page.Choose("No flare-up");
        _page.Choose("Firm pressure is fine");
        _page.Type("painIntensity", "6");
        _page.Choose("Pain in the buttock");
        _page.Answer("diagnosisConfirmed", "Yes");
        _page.Answer("clinicianApproved", "Yes");

        _page.Submit();

        Driver.FindElement(By.Id("banner")).Text.Should().Contain("Massage recommended");
        var first = Driver.FindElements(By.CssSelector("#styles tbody tr"))[0].Text;
        first.Should().Contain("Deep tissue massage").And.Contain("Firm pressure").And.Contain("Deep buttock muscle (piriformis)");
        Driver.FindElement(By.Id("plan")).Text.Should().Contain("Relief phase").And.Contain("Now");
        Driver.FindElement(By.Id("result")).Text.Should().NotContain("deepTissue").And.NotContain("piriformisSyndrome");
        _page.Screenshot("intake-advice.png");
    }

    [ChromiumFact]
    public void Receptionist_TicksSaddleNumbness_AndSeesTheEmergencyBannerFirst_WithNoStyles()
    {
        _page.Open();
        _page.FillRequired();
        _page.Choose("Numbness around the groin, buttocks or inner thighs ('saddle' area)");

        _page.Submit();

        var banner = Driver.FindElement(By.Id("banner"));
        banner.Text.Should().Contain("Emergency");
        banner.GetAttribute("role").Should().Be("alert");
        Driver.FindElements(By.Id("styles")).Should().BeEmpty();
        var first = (string?)Driver.ExecuteScript("return document.querySelector('#result').firstElementChild.nextElementSibling.nextElementSibling.id;");
        first.Should().Be("banner", "the referral comes before anything else");
    }

    [ChromiumFact]
    public void UntouchedClearanceQuestions_MeanNotConfirmed_SoTheAdviceWaitsForClearance()
    {
        _page.Open();
        _page.FillRequired();

        _page.Submit();

        Driver.FindElement(By.Id("banner")).Text.Should().Contain("Doctor's clearance needed first");
    }

    [ChromiumFact]
    public void Handout_PrintsToPdf_WithTheAdviceAndWithoutTheStaffForm()
    {
        _page.Open();
        _page.FillRequired();
        _page.Answer("diagnosisConfirmed", "Yes");
        _page.Answer("clinicianApproved", "Yes");
        _page.Submit();

        _page.EmulatePrint(true);
        _page.Screenshot("handout.png");
        _page.EmulatePrint(false);
        var pdf = Convert.FromBase64String(Driver.Print(new PrintOptions()).AsBase64EncodedString);
        File.WriteAllBytes(Path.Combine(BrowserFixture.ArtifactsDirectory, "handout.pdf"), pdf);

        using var document = PdfDocument.Open(pdf);
        // PDF text has no spaces where lines wrap: compare without white space.
        var text = NoSpace(string.Join("", document.GetPages().Select(p => p.Text)));
        text.Should().Contain(NoSpace("Your massage advice for sciatica")).And.Contain(NoSpace("Massage recommended")).And.Contain(NoSpace("Deep tissue massage")).And.Contain(NoSpace("Medium pressure"));
        text.Should().NotContain(NoSpace("The intake form")).And.NotContain(NoSpace("Get the massage advice"));
    }

    [ChromiumFact]
    public async Task CdsCard_RenderedAsAnEhrShowsIt_IsKeptAsAScreenshot()
    {
        using var client = new HttpClient { BaseAddress = new Uri(browser.Url) };
        var request = Intakes.CdsRequest(Intakes.Response(diagnosed: true, approved: false, symptoms: ["buttockPain", "tingling"]));
        var response = await client.PostAsync("cds-services/sciatica-massage-advice", new StringContent(request.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var card = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]![0]!;
        var html = CardHtml(card);
        File.WriteAllText(Path.Combine(BrowserFixture.ArtifactsDirectory, "cds-card.html"), html);

        Driver.Navigate().GoToUrl("data:text/html;charset=utf-8," + Uri.EscapeDataString(html));
        _page.Screenshot("cds-card.png");

        Driver.FindElement(By.TagName("h2")).Text.Should().Be(card["summary"]!.GetValue<string>());
    }

    /// <summary>A card drawn the way CDS Hooks clients draw one: indicator colour, summary, the Markdown detail, source and links.</summary>
    private static string CardHtml(System.Text.Json.Nodes.JsonNode card)
    {
        static string Inline(string text) => System.Text.RegularExpressions.Regex.Replace(System.Net.WebUtility.HtmlEncode(text), @"\*\*(.+?)\*\*", "<strong>$1</strong>").Replace("_Rule set", "<em>Rule set", StringComparison.Ordinal).Replace("._", ".</em>", StringComparison.Ordinal);
        var body = new System.Text.StringBuilder();
        string? list = null;
        foreach (var line in card["detail"]!.GetValue<string>().Split('\n'))
        {
            var kind = line.StartsWith("- ", StringComparison.Ordinal) ? "ul" : char.IsDigit(line.FirstOrDefault()) && line.Contains(". ", StringComparison.Ordinal) ? "ol" : null;
            if (kind != list)
            {
                body.Append(list is null ? "" : $"</{list}>").Append(kind is null ? "" : $"<{kind}>");
                list = kind;
            }

            body.Append(kind switch
            {
                "ul" => $"<li>{Inline(line[2..])}</li>",
                "ol" => $"<li>{Inline(line[(line.IndexOf(". ", StringComparison.Ordinal) + 2)..])}</li>",
                _ => line.Length == 0 ? "" : $"<p>{Inline(line)}</p>",
            });
        }

        var colour = card["indicator"]!.GetValue<string>() switch { "critical" => "#a50e0e", "warning" => "#946200", _ => "#0b5394" };
        var links = string.Join(" · ", card["links"]!.AsArray().Select(l => $"<a href=\"#\">{System.Net.WebUtility.HtmlEncode(l!["label"]!.GetValue<string>())}</a>"));
        return $$"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><style>
            body { font-family: system-ui, sans-serif; background: #f3f4f6; padding: 1.5rem; color: #1a1a1a; }
            .card { background: #fff; border-left: 8px solid {{colour}}; border-radius: .3rem; padding: 1rem 1.5rem; max-width: 52rem; box-shadow: 0 1px 3px #0003; }
            h2 { font-size: 1.15rem; margin: 0 0 .5rem; } .source { color: #4a4a4a; font-size: .9rem; } a { color: #0b5394; }
            .indicator { text-transform: uppercase; font-size: .8rem; font-weight: 700; color: {{colour}}; }
            </style></head><body><div class="card"><div class="indicator">{{card["indicator"]}}</div><h2>{{System.Net.WebUtility.HtmlEncode(card["summary"]!.GetValue<string>())}}</h2>
            {{body}}{{(list is null ? "" : $"</{list}>")}}<p class="source">Source: {{System.Net.WebUtility.HtmlEncode(card["source"]!["label"]!.GetValue<string>())}}</p><p>{{links}}</p></div></body></html>
            """;
    }

    private static string NoSpace(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
