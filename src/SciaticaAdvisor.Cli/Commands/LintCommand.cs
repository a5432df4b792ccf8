using System.CommandLine;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Linting;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>lint [--rules FILE]...</c>: the mistakes in a rule set that loading cannot find, one a line.</summary>
internal static class LintCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor lint --rules clinic.yaml",
        "sciatica-advisor lint --rules @default --rules clinic.yaml",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var command = new Command(
            "lint",
            "Loads the rule set and prints every lint finding (rules that can never fire, unknown guidance items, styles "
            + "no rule recommends) as 'source:line: severity code: message', then a summary. Exits 0 without an error "
            + "finding, 2 with one or when the rule set does not load (its errors with line and column).");
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var advisor = RuleLayersLoader.Build(RulesOption.LayersOf(parsed, rules));
            var findings = RuleSetLinter.Lint(advisor);
            foreach (var finding in findings)
            {
                await context.Out.WriteLineAsync(finding.ToString().AsMemory(), cancellationToken);
            }

            int Count(LintSeverity severity) => findings.Count(f => f.Severity == severity);
            await context.Out.WriteLineAsync(
                $"{advisor.Rules.Length} rules: {Count(LintSeverity.Error)} errors, {Count(LintSeverity.Warning)} warnings, {Count(LintSeverity.Info)} infos");
            return Count(LintSeverity.Error) > 0 ? ExitCodes.Invalid : ExitCodes.Success;
        });
        return command;
    }
}
