using System.CommandLine;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Cli.Testing;
using SciaticaAdvisor.Scenarios;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>test [PATH]...</c>: runs scenario files against the rule set and prints PASS or FAIL for each scenario.</summary>
internal static class TestCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor test",
        "sciatica-advisor test rules/scenarios/flares.yaml --rules @default --rules clinic.yaml",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Scenario files, or folders of *.yaml scenario files. By default the built-in scenarios shipped with the tool.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        var command = new Command(
            "test",
            "Runs clinical scenario files (docs/scenarios.md) against the rule set: 'PASS name' or 'FAIL name' with each unmet "
            + "expectation indented below it, then 'N passed, N failed'. Exits 0 when all pass, 2 when any fails or a "
            + "scenario file does not load (its error on standard error).")
        {
            paths,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var given = parsed.GetValue(paths) is { Length: > 0 } p ? p : [ScenarioFiles.BuiltInFolder];
            var files = ScenarioFiles.Find(given);
            var advisor = RuleLayersLoader.Build(RulesOption.LayersOf(parsed, rules));
            int passed = 0, failed = 0, unloaded = 0;
            foreach (var file in files)
            {
                ScenarioFile scenarios;
                try
                {
                    scenarios = ScenarioFile.Load(file);
                }
                catch (ScenarioException ex)
                {
                    unloaded++;
                    await context.Error.WriteLineAsync(ex.Message);
                    continue;
                }

                foreach (var result in ScenarioRunner.RunAll(advisor, scenarios))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (result.Passed)
                    {
                        passed++;
                    }
                    else
                    {
                        failed++;
                    }

                    await context.Out.WriteLineAsync($"{(result.Passed ? "PASS" : "FAIL")} {result.Scenario}");
                    foreach (var failure in result.Failures)
                    {
                        await context.Out.WriteLineAsync($"  {failure}");
                    }
                }
            }

            await context.Out.WriteLineAsync($"{passed} passed, {failed} failed");
            if (unloaded > 0)
            {
                await context.Error.WriteLineAsync($"sciatica-advisor: {unloaded} scenario file{(unloaded == 1 ? "" : "s")} did not load");
            }

            return failed > 0 || unloaded > 0 ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
