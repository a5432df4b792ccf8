using System.CommandLine;
using SciaticaAdvisor.Cli.Output;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>sample --count N [--seed S] [--format jsonl|csv] [--output FILE]</c>: random valid profiles to feed batch and diff.</summary>
internal static class SampleCommand
{
    public const int MaxCount = 10_000_000;

    public static readonly string[] Examples =
    [
        "sciatica-advisor sample --count 1000 --seed 42 --output population.jsonl",
        "sciatica-advisor sample --count 50 --format csv | sciatica-advisor batch --input - --format csv",
    ];

    public static Command Create(CliContext context)
    {
        var count = new Option<int>("--count") { Description = $"How many profiles (1 to {MaxCount}).", HelpName = "N", Required = true };
        var seed = new Option<int?>("--seed") { Description = "The random seed: the same seed always gives the same profiles. Random when absent.", HelpName = "S" };
        var format = new Option<string>("--format") { Description = "jsonl (one profile a line) or csv (with a header row).", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<string?>("--output") { Description = "Where to write; standard output when absent or '-'.", HelpName = "FILE" };

        var command = new Command(
            "sample",
            "Writes N random, valid symptom profiles shaped like a clinic's intake (most without red flags, few other "
            + "conditions), as JSON Lines or CSV that batch and diff read. The same --seed gives the same bytes.")
        {
            count,
            seed,
            format,
            output,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            // Checked here, not in a validator: a validator also runs after '--count many' failed to parse.
            var n = parsed.GetValue(count);
            if (n is < 1 or > MaxCount)
            {
                throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: --count must be between 1 and {MaxCount}, was {n}");
            }

            var path = parsed.GetValue(output);
            var random = parsed.GetValue(seed) is { } s ? new Random(s) : new Random();
            var csv = parsed.GetValue(format) == "csv";
            var writer = OutputFile.IsStandardOutput(path) ? context.Out : OutputFile.Open(path!);
            try
            {
                var sampler = new ProfileSampler(random);
                if (csv)
                {
                    await writer.WriteAsync(ProfileCsv.Header + "\n");
                }

                for (var i = n; i > 0; i--)
                {
                    var profile = sampler.Next();
                    await writer.WriteAsync((csv ? ProfileCsv.Row(profile) : AdvisorJson.Serialize(profile)) + "\n");
                    cancellationToken.ThrowIfCancellationRequested();
                }

                await writer.FlushAsync(CancellationToken.None);
            }
            catch (IOException ex)
            {
                throw OutputFile.CannotWrite(path, ex);
            }
            finally
            {
                if (!OutputFile.IsStandardOutput(path))
                {
                    await OutputFile.CloseQuietlyAsync(writer);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
