using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary>Adds an "Examples:" section to each command's <c>--help</c>, after the usage and options.</summary>
/// <remarks>System.CommandLine 3 keeps its help layout internal, so this wraps the help action instead.</remarks>
internal sealed class HelpExamples(HelpAction help, IReadOnlyDictionary<Command, string[]> examples) : SynchronousCommandLineAction
{
    public static void Attach(RootCommand root, IReadOnlyDictionary<Command, string[]> examples)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new HelpExamples(help, examples);
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        var result = help.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var lines))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines)
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        return result;
    }
}
