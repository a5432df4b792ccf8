using System.CommandLine;
using SciaticaAdvisor.Cli.Input;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Commands;

/// <summary><c>advise [FILE|-] [--pretty]</c>: one profile in, one advice out as JSON on one line.</summary>
internal static class AdviseCommand
{
    public static readonly string[] Examples =
    [
        "sciatica-advisor advise samples/profiles/piriformis.json --pretty",
        "cat profile.json | sciatica-advisor advise --rules @default --rules clinic.yaml",
    ];

    public static Command Create(CliContext context, Option<string[]> rules)
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The profile's JSON file; '-' or none reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var pretty = new Option<bool>("--pretty") { Description = "Indent the advice for reading." };

        var command = new Command(
            "advise",
            "Reads one symptom profile and writes its advice as compact JSON on one line, the same bytes batch writes for it. "
            + "An invalid profile exits 2 with each error on standard error as 'path: message'.")
        {
            file,
            pretty,
        };
        // Synchronous on purpose (see Run); a plain advise calls Run without the parser (CliApp.RunAsync).
        command.SetAction(parsed => Run(context, RulesOption.LayersOf(parsed, rules), parsed.GetValue(file), parsed.GetValue(pretty)));
        return command;
    }

    /// <summary>
    /// The arguments of a plain <c>advise [FILE|-] [--pretty]</c> without <c>--rules</c>, which need no
    /// parser: false for anything else (help, a usage error, rule layers, a token the parser could read
    /// otherwise), which then goes through System.CommandLine as before.
    /// </summary>
    /// <remarks>
    /// Conservative on purpose: a FILE is taken only when the parser could only take it as the file too.
    /// So not a token that starts with '-' (an option, a bundle, '--') but '-' itself, '@' (a response
    /// file, were they on), '[' (a directive), the help aliases '/h' and '/?', empty or blank, or
    /// <c>advise</c>; and after <c>--pretty</c> not <c>true</c> or <c>false</c>, which the flag takes as
    /// its value. <c>AdviseStartupTests</c> run such command lines both ways and compare every byte.
    /// </remarks>
    internal static bool TryReadPlain(string[] args, out string? file, out bool pretty)
    {
        file = null;
        pretty = false;
        switch (args)
        {
            case ["advise"]:
                return true;
            case ["advise", "--pretty"]:
                pretty = true;
                return true;
            case ["advise", var only] when IsPlainFile(only):
                file = only;
                return true;
            case ["advise", var first, "--pretty"] when IsPlainFile(first):
                file = first;
                pretty = true;
                return true;
            case ["advise", "--pretty", var last] when IsPlainFile(last) && !bool.TryParse(last, out _):
                file = last;
                pretty = true;
                return true;
            default:
                return false;
        }
    }

    private static bool IsPlainFile(string token) =>
        token == "-"
        || (!string.IsNullOrWhiteSpace(token) && token[0] is not ('-' or '@' or '[') && token is not ("/h" or "/?" or "advise"));

    /// <summary>Advises the profile in <paramref name="file"/> (standard input when null or <c>-</c>) with the rule layers given, and writes the advice.</summary>
    /// <remarks>
    /// Synchronous on purpose: the main thread waits for the rules instead of awaiting them, so
    /// no await on the way from Main suspends, and a cold start JIT-compiles no async state
    /// machine box for this action, System.CommandLine's pipeline, CliApp and Main (docs/performance.md,
    /// "Cold start, third round"). There is nothing else for the thread to do meanwhile.
    /// </remarks>
    internal static int Run(CliContext context, IReadOnlyList<string> layers, string? file, bool pretty)
    {
        // The rule set compiles on another core while the profile is read (published, a
        // one-profile advise starts in 0.20-0.24 s instead of 0.24-0.27 s). An invalid profile's
        // errors still come first and alone, and the command returns only once the load has
        // ended, so nothing of it runs on afterwards.
        var loading = Task.Run(
            () =>
            {
                var loaded = context.Advisors.Load(layers, single: true);
                context.Trace?.Mark("rules loaded and compiled (on its own thread)");
                return loaded;
            },
            CancellationToken.None);
        SymptomProfile profile;
        try
        {
            profile = ProfileDocument.Read(context, file);
            context.Trace?.Mark("profile read and validated");
        }
        catch (CommandFailure)
        {
            Task.WaitAny(loading);
            _ = loading.Exception; // observed: the rules' own errors give way to the profile's
            throw;
        }

        var advisor = loading.GetAwaiter().GetResult();
        context.Trace?.Mark("waited for the rules");
        var advised = advisor.Advise(profile);
        context.Trace?.Mark("advised");
        var advice = AdvisorJson.Serialize(advised, pretty);
        context.Trace?.Mark("advice serialized");
        context.Out.Write(advice);
        context.Out.Write('\n');
        if (context.Trace is { } trace)
        {
            context.Out.Flush();
            trace.Mark("advice written");
        }

        return ExitCodes.Success;
    }
}
