using System.CommandLine;
using SciaticaAdvisor.Cli.Advising;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary>The <c>--rules FILE</c> option every command takes: rule layers in order, <c>@default</c> for the built-in set.</summary>
internal static class RulesOption
{
    public const string Name = "--rules";

    public static Option<string[]> Create()
    {
        var option = new Option<string[]>(Name)
        {
            Description = $"A rule file to use instead of the built-in rules. Repeat it to layer files in order, base first; "
                + $"'{RuleLayersLoader.DefaultLayer}' names the built-in set (--rules {RuleLayersLoader.DefaultLayer} --rules clinic.yaml).",
            HelpName = "FILE",
            Recursive = true,
            DefaultValueFactory = _ => [],
        };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => string.IsNullOrWhiteSpace(t.Value)))
            {
                result.AddError("--rules needs a file name or @default, not an empty value");
            }
        });
        return option;
    }

    /// <summary>The layers given on the command line, in order.</summary>
    public static IReadOnlyList<string> LayersOf(ParseResult parsed, Option<string[]> option) => parsed.GetValue(option) ?? [];
}
