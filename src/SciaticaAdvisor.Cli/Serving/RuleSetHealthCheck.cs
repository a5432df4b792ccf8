using Microsoft.Extensions.Diagnostics.HealthChecks;
using SciaticaAdvisor.Extensions.DependencyInjection;

namespace SciaticaAdvisor.Cli.Serving;

/// <summary>Ready when a rule set is loaded; reports which one, so a deploy can be checked.</summary>
internal sealed class RuleSetHealthCheck(IAdvisorProvider advisors) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ruleSet = advisors.Current.RuleSet;
        return Task.FromResult(HealthCheckResult.Healthy(
            $"Rule set {ruleSet.Name} {ruleSet.Version} loaded",
            new Dictionary<string, object> { ["name"] = ruleSet.Name, ["version"] = ruleSet.Version, ["sha256"] = ruleSet.Sha256 }));
    }
}
