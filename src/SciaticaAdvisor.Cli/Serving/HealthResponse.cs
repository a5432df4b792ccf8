using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SciaticaAdvisor.Cli.Serving;

/// <summary>Writes a health report as JSON: the overall status and each check's status, description and data (for readiness, the rule set in use), so a deploy can check what it runs.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            var data = new JsonObject();
            foreach (var (key, value) in entry.Data)
            {
                data[key] = value?.ToString();
            }

            checks[name] = new JsonObject { ["status"] = entry.Status.ToString(), ["description"] = entry.Description, ["data"] = data };
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = checks }.ToJsonString() + "\n");
    }
}
