using System.CommandLine;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>schema profile|advice</c>: prints the JSON Schema of the input or the output.</summary>
internal static class SchemaCommand
{
    public static readonly string[] Examples = ["sciatica-advisor schema profile > profile.schema.json"];

    public static Command Create(CliContext context)
    {
        var document = new Argument<string>("document")
        {
            Description = "Which schema: 'profile' (the input) or 'advice' (the output).",
        };
        document.AcceptOnlyFromAmong("profile", "advice");

        var command = new Command(
            "schema",
            "Prints the JSON Schema of a symptom profile (the input) or of an advice (the output).")
        {
            document,
        };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var schema = parsed.GetValue(document) == "profile" ? JsonSchemas.Profile : JsonSchemas.Advice;
            await context.Out.WriteAsync(schema.AsMemory(), cancellationToken);
            await context.Out.WriteAsync('\n');
            return ExitCodes.Success;
        });
        return command;
    }
}
