using System.Text;
using System.Text.Json.Nodes;
using OpenQA.Selenium.Chrome;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>Runs Deque's axe-core (the npm package the AspNetCore build installs beside LHC-Forms) in the page under test, with the WCAG 2 A and AA rules.</summary>
internal static class Axe
{
    /// <summary>The rule tags run: WCAG 2.0, 2.1 and 2.2 at levels A and AA (color-contrast and label among them).</summary>
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> Script = new(() =>
    {
        var path = Path.Combine(BrowserFixture.RepositoryRoot, "src", "SciaticaAdvisor.AspNetCore", "Intake", "client", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new FileNotFoundException($"axe-core is missing at {path}: the AspNetCore project's build installs it (npm ci in Intake/client).", path);
    });

    /// <summary>Fails, listing every violation one a line, unless the page as it is now has none.</summary>
    /// <param name="view">What is on screen, for the message.</param>
    public static void ShouldFindNone(ChromeDriver driver, string view)
    {
        var violations = Violations(driver);
        violations.Should().BeEmpty("axe-core ({0}) finds no WCAG 2 A or AA violation in {1}, yet it found {2}:\n{3}", string.Join(", ", Tags), view, violations.Count, string.Join("\n", violations));
    }

    /// <summary>Every violation in the page as it is now, one readable line per element: rule, impact, what is wrong, and where.</summary>
    public static IReadOnlyList<string> Violations(ChromeDriver driver)
    {
        if (driver.ExecuteScript("return typeof window.axe;") as string != "object")
        {
            driver.ExecuteScript(Script.Value);
        }

        var json = (string)driver.ExecuteAsyncScript(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })) })))))
              .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """,
            new object[] { Tags })!;
        var lines = new List<string>();
        foreach (var violation in JsonNode.Parse(json)!.AsArray())
        {
            var head = $"{violation!["id"]} ({violation["impact"]}): {violation["help"]}";
            var nodes = violation["nodes"]!.AsArray();
            if (nodes.Count == 0)
            {
                lines.Add(head);
            }

            foreach (var node in nodes)
            {
                var summary = new StringBuilder(node!["summary"]?.GetValue<string>() ?? "").Replace("\n", " ").ToString();
                lines.Add($"{head} at {node["target"]}: {summary}");
            }
        }

        return lines;
    }
}
