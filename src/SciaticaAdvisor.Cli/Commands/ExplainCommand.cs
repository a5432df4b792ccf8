using System.CommandLine;
using SciaticaAdvisor.Cli.Explaining;
using SciaticaAdvisor.Cli.Input;
using SciaticaAdvisor.Cli.Terminal;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>explain [FILE|-] [--format text|json]</c>: one profile's advice as a readable account, with why each other style is not advised.</summary>
internal static class ExplainCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor explain samples/profiles/acute-disc.json",
        "sciatica-advisor explain samples/profiles/piriformis.json --format json",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The profile's JSON file; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var format = new Option<string>("--format")
        {
            Description = "text: tables for reading; json: {\"advice\":…,\"whyNot\":[…]} on one line.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command(
            "explain",
            "Explains the advice for one symptom profile: the status, each advised style with its score, pressure, focus "
            + "areas and the rules behind it, the contraindications, plan, referral and notes, and for every style not "
            + "advised (or lowered by a caution) which rule is why. An invalid profile exits 2 with its errors.")
        {
            file,
            format,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var profile = ProfileDocument.Read(context, parsed.GetValue(file));
            var advice = context.Advisors.Load(RulesOption.LayersOf(parsed, rules), single: true).Advise(profile);
            var whyNot = WhyNot.For(advice);
            if (parsed.GetValue(format) == "json")
            {
                await context.Out.WriteAsync(ExplanationJson.Write(advice, whyNot, indented: false).AsMemory(), cancellationToken);
                await context.Out.WriteAsync('\n');
            }
            else
            {
                ExplanationText.Render(TerminalConsole.For(context.Out, context.OutIsTerminal), advice, whyNot);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
