using System.CommandLine;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Serialization;
using SciaticaAdvisor.Verification;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>verify [--rules FILE]... [--budget N]</c>: checks the guidance invariants on every input class the rules distinguish.</summary>
internal static class VerifyCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor verify --rules clinic.yaml",
        "sciatica-advisor verify --rules @default --rules clinic.yaml --budget 200000",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var budget = new Option<long>("--budget")
        {
            Description = $"The most profiles to advise and check; fewer cross fewer set values at once (default {RuleSetVerifier.DefaultBudget}, about a minute for the built-in rules).",
            HelpName = "N",
            DefaultValueFactory = _ => RuleSetVerifier.DefaultBudget,
        };

        var command = new Command(
            "verify",
            "Advises every input class the rule set's conditions distinguish and checks each advice against the guidance "
            + "invariants. Prints how many profiles were checked and how they were built, then each violation with the "
            + "smallest profile that shows it (compact JSON) and how often it occurred. Exits 0 when clean, 2 on violations.")
        {
            budget,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // Checked here, not in a validator: a validator also runs after '--budget lots' failed to parse.
            var limit = parsed.GetValue(budget);
            if (limit < 1)
            {
                throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: --budget must be at least 1, was {limit}");
            }

            var advisor = RuleLayersLoader.Build(RulesOption.LayersOf(parsed, rules));
            var report = RuleSetVerifier.Verify(advisor, limit, cancellationToken);
            await context.Out.WriteLineAsync(report.ToString());
            foreach (var violation in report.Violations)
            {
                await context.Out.WriteLineAsync($"violation: {violation.Problem}");
                await context.Out.WriteLineAsync($"  profile: {AdvisorJson.Serialize(violation.Profile)}");
                await context.Out.WriteLineAsync($"  occurrences: {violation.Occurrences}");
            }

            return report.Passed ? ExitCodes.Success : ExitCodes.Invalid;
        });
        return command;
    }
}
