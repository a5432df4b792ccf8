using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Extensions.DependencyInjection;
using SciaticaAdvisor.Planning;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.AspNetCore.Intake;

/// <summary>The intake page at <c>/</c>, its files under <c>/intake/</c>, the plain words it shows, and the explanation page at <c>/about</c>.</summary>
internal static class IntakeEndpoints
{
    private static readonly Lazy<string> WordsJson = new(Words);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", (HttpContext http) => IntakeFiles.Serve(http, "index.html")).WithName("IntakePage").ExcludeFromDescription();
        group.MapGet("/intake/words.json", () => Results.Text(WordsJson.Value, "application/json")).WithName("IntakeWords").ExcludeFromDescription();
        group.MapGet("/intake/{**path}", (HttpContext http, string path) => IntakeFiles.Serve(http, path)).WithName("IntakeFiles").ExcludeFromDescription();
        group.MapGet("/about", (HttpContext http, IAdvisorProvider advisors) =>
        {
            IntakeFiles.Headers(http);
            return Results.Text(About(advisors.Current), "text/html; charset=utf-8");
        }).WithName("About").ExcludeFromDescription();
    }

    /// <summary>Every contract value's plain words, by enum and camelCase value, from <see cref="PlainWords"/>: the page has no words of its own for them.</summary>
    private static string Words()
    {
        var root = new JsonObject();
        Add<SciaticaCause>(root, "cause");
        Add<FlareState>(root, "flare");
        Add<PainSensitivity>(root, "painSensitivity");
        Add<Symptom>(root, "symptom");
        Add<RedFlag>(root, "redFlag");
        Add<HealthCondition>(root, "condition");
        Add<MassageStyle>(root, "style");
        Add<Pressure>(root, "pressure");
        Add<FocusArea>(root, "focusArea");
        Add<ContraindicationLevel>(root, "level");
        Add<AdjunctTherapy>(root, "therapy");
        Add<ReferralUrgency>(root, "urgency");
        Add<AdviceStatus>(root, "status");
        Add<PlanPhase>(root, "phase");
        return root.ToJsonString();
    }

    private static void Add<TEnum>(JsonObject root, string name)
        where TEnum : struct, Enum
    {
        var values = new JsonObject();
        foreach (var value in Enum.GetValues<TEnum>())
        {
            values[JsonNamingPolicy.CamelCase.ConvertName(value.ToString())] = new JsonObject
            {
                ["display"] = PlainWords.Display(value),
                ["definition"] = PlainWords.Definition(value),
            };
        }

        root[name] = values;
    }

    private static string About(Advisor advisor)
    {
        var rules = new StringBuilder();
        foreach (var rule in advisor.Rules)
        {
            rules.Append("<tr><td><code>").Append(WebUtility.HtmlEncode(rule.Id)).Append("</code></td><td>").Append(WebUtility.HtmlEncode(rule.Name)).Append("</td></tr>\n");
        }

        var set = advisor.RuleSet;
        return $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>How the massage advice is made</title><link rel="stylesheet" href="intake/site.css"></head>
            <body><main>
            <h1>How the massage advice is made</h1>
            <p>The advice comes from a rule set: clinical rules written as data and checked by the project's tests. Each advice names the rules that produced it.
            The rules put a doctor first when a warning sign is present, hold massage back until the diagnosis is confirmed and a clinician approves it, and keep deep or firm pressure away from what it could harm.</p>
            <p>This service uses the rule set <strong>{{WebUtility.HtmlEncode(set.Name)}} {{WebUtility.HtmlEncode(set.Version)}}</strong> (SHA-256 <code>{{set.Sha256}}</code>).</p>
            <table><caption>The rules of this rule set, in the order they are weighed</caption><thead><tr><th scope="col">Rule</th><th scope="col">What it does</th></tr></thead><tbody>
            {{rules}}</tbody></table>
            <p><a href="./">Back to the intake form</a></p>
            </main></body></html>
            """;
    }
}
