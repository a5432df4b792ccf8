using System.CommandLine;
using SciaticaAdvisor.Cli.Comparing;
using SciaticaAdvisor.Cli.Input;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>diff --rules A --against B --input FILE [--format text|json]</c>: how a population's advice changes between two rule sets.</summary>
internal static class DiffCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor diff --rules @default --against @default --against clinic.yaml --input population.jsonl",
        "sciatica-advisor diff --rules old.yaml --against new.yaml --input intake.csv --format json",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var against = new Option<string[]>("--against")
        {
            Description = $"The rule set to compare with, layered like --rules (repeat it; '@default' is the built-in set).",
            HelpName = "FILE",
            Required = true,
        };
        var input = new Option<string>("--input")
        {
            Description = "The population: JSON Lines or CSV as batch reads them; '-' reads standard input.",
            HelpName = "FILE",
            Required = true,
        };
        var inputFormat = new Option<string?>("--input-format") { Description = "The input's format: jsonl or csv. By default csv for a file ending in .csv, else jsonl." };
        inputFormat.AcceptOnlyFromAmong("jsonl", "csv");
        var format = new Option<string>("--format") { Description = "text: a summary for reading; json: one object for machines.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command(
            "diff",
            "Advises every profile of a population with the --rules rule set and the --against rule set and reports how many "
            + "advices change and how: status, top style, contraindications added or removed (style:level), phase and "
            + "referral urgency, each with up to 3 example input lines. Exits 0 when identical, 3 when different, 2 on "
            + "invalid input lines (their errors on standard error) or a usage error.")
        {
            against,
            input,
            inputFormat,
            format,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var inputPath = parsed.GetRequiredValue(input);
            using var population = BatchInput.Open(inputPath, parsed.GetValue(inputFormat), context);
            var items = population.ReadItems();
            var before = context.Advisors.Load(RulesOption.LayersOf(parsed, rules));
            var after = context.Advisors.Load(parsed.GetValue(against) ?? []);
            var tally = new PopulationDiff(before, after).Run(items, (line, problems) => ReportInvalid(context, line, problems), cancellationToken);

            var json = parsed.GetValue(format) == "json";
            await context.Out.WriteAsync(json ? DiffReport.Json(tally) + "\n" : DiffReport.Text(tally));
            return tally.Invalid > 0 ? ExitCodes.Invalid : tally.Changed > 0 ? ExitCodes.Different : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// An invalid line's errors, each path with what is allowed but not the value it held (a profile is
    /// health data, and standard error ends up in logs), as <c>sweep</c> reports a population file's;
    /// the comparison goes on without it.
    /// </summary>
    private static void ReportInvalid(CliContext context, int line, IReadOnlyList<Profiles.ProfileError> problems) =>
        context.Error.WriteLine($"line {line}: {new Profiles.ProfileValidationException([.. problems]).Message}");
}
