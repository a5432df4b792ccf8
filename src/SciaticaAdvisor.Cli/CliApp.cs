using System.CommandLine;
using SciaticaAdvisor.Cli.Commands;
using SciaticaAdvisor.Cli.Output;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Cli;

/// <summary>The <c>sciatica-advisor</c> command line, runnable in-process.</summary>
/// <remarks>
/// Exit codes follow the contract: 0 done, 2 invalid input, a usage error, a file that cannot be
/// read or a rule file that does not load (the reasons on standard error), 1 a fault in the
/// program. It never prints a stack trace.
/// </remarks>
public static class CliApp
{
    /// <summary>Runs the command line with the given arguments and streams.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdin">Standard input, read by <c>advise</c> without a file.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, new CliContext(stdin, stdout, stderr), CancellationToken.None);

    internal static Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken) =>
        RunAsync(args, context, adviseOnly: args is ["advise", ..], cancellationToken);

    /// <summary>Runs the command line, with <paramref name="adviseOnly"/> choosing the command line <see cref="BuildRoot"/> builds (tests compare the two).</summary>
    /// <remarks>
    /// With <paramref name="adviseOnly"/>, a plain <c>advise [FILE|-] [--pretty]</c> (<see cref="AdviseCommand.TryReadPlain"/>)
    /// runs without System.CommandLine at all: building and parsing the command line, and loading
    /// and JIT-compiling the parser, was a tenth of a cold advise's CPU, and the rules' load waited
    /// for it. Every other command line goes through the parser; either way the same action runs.
    /// </remarks>
    internal static async Task<int> RunAsync(string[] args, CliContext context, bool adviseOnly, CancellationToken cancellationToken)
    {
        try
        {
            int exitCode;
            if (adviseOnly && AdviseCommand.TryReadPlain(args, out var file, out var pretty))
            {
                context.Trace?.Mark("arguments read (plain advise: no command line built)");
                exitCode = AdviseCommand.Run(context, [], file, pretty);
            }
            else
            {
                exitCode = await ParseAndInvokeAsync(args, context, adviseOnly, cancellationToken);
            }

            // Output shorter than the writer's buffer reaches the file only here: a full disk must
            // show now, as an error, not vanish in a quiet flush and an exit 0. Synchronous, as is
            // the quiet flush below: the last write of a run has nothing to overlap with, and an
            // awaited one would suspend every caller up to Main on a cold advise.
            context.Out.Flush();
            return exitCode;
        }
        catch (OutputWriteException ex)
        {
            await context.Error.WriteLineAsync($"sciatica-advisor: cannot write standard output: {ex.Message}");
            return ExitCodes.Invalid;
        }
        catch (CommandFailure failure)
        {
            await WriteLinesAsync(context.Error, failure.Lines);
            return failure.ExitCode;
        }
        catch (RuleSetException ex)
        {
            await WriteLinesAsync(context.Error, [.. ex.Errors.Select(e => e.ToString())]);
            return ExitCodes.Invalid;
        }
        catch (RuleSetFaultException ex)
        {
            await context.Error.WriteLineAsync(Quote.Escape($"sciatica-advisor: fault: {ex.Message}"));
            return ExitCodes.Fault;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("sciatica-advisor: cancelled");
            return ExitCodes.Fault;
        }
#pragma warning disable CA1031 // The contract promises an exit code and a message, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await context.Error.WriteLineAsync(Quote.Escape($"sciatica-advisor: internal error ({ex.GetType().Name}): {ex.Message}"));
            return ExitCodes.Fault;
        }
        finally
        {
            FlushQuietly(context.Out);
            FlushQuietly(context.Error);
        }
    }

    /// <summary>Flushes a stream whose reader may be gone (<c>| head</c>); what went wrong is already reported.</summary>
    private static void FlushQuietly(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Builds the command line, parses the arguments and runs the command they name; a usage error is reported here.</summary>
    /// <remarks>A method of its own, so a plain advise never resolves a System.CommandLine type (nor loads its assembly).</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<int> ParseAndInvokeAsync(string[] args, CliContext context, bool adviseOnly, CancellationToken cancellationToken)
    {
        var root = BuildRoot(context, adviseOnly);
        context.Trace?.Mark("command line built");
        // No response files: '@default' is a rule layer, not a file of arguments.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        context.Trace?.Mark("arguments parsed");
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpExamples)
        {
            foreach (var error in parsed.Errors)
            {
                await context.Error.WriteLineAsync($"sciatica-advisor: {error.Message}");
            }

            await context.Error.WriteLineAsync("Run 'sciatica-advisor --help' for usage.");
            return ExitCodes.Invalid;
        }

        var invocation = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }

    /// <summary>The command line; with <paramref name="adviseOnly"/>, the root and <c>advise</c> alone.</summary>
    /// <remarks>
    /// A one-profile <c>advise</c> is the run whose start-up people wait on, and building the other
    /// twelve commands (their options, validators and help) is part of it. A command line that starts
    /// with <c>advise</c> parses, fails and helps the same with the root's other commands left out:
    /// nothing below <c>advise</c> names them.
    /// </remarks>
    internal static RootCommand BuildRoot(CliContext context, bool adviseOnly = false)
    {
        var root = new RootCommand("Turns sciatica symptom profiles into massage advice, as the JSON of the advice contract.");
        var rules = RulesOption.Create();
        root.Options.Add(rules);
        var advise = AdviseCommand.Create(context, rules);
        if (adviseOnly)
        {
            root.Subcommands.Add(advise);
            HelpExamples.Attach(root, new Dictionary<Command, string[]> { [advise] = AdviseCommand.Examples });
            return root;
        }

        var batch = BatchCommand.Create(context, rules);
        var schema = SchemaCommand.Create(context);
        var explain = ExplainCommand.Create(context, rules);
        root.Subcommands.Add(advise);
        root.Subcommands.Add(batch);
        root.Subcommands.Add(schema);
        var sample = SampleCommand.Create(context);
        root.Subcommands.Add(explain);
        var lint = LintCommand.Create(context, rules);
        var verify = VerifyCommand.Create(context, rules);
        root.Subcommands.Add(sample);
        root.Subcommands.Add(lint);
        var diff = DiffCommand.Create(context, rules);
        root.Subcommands.Add(verify);
        var test = TestCommand.Create(context, rules);
        root.Subcommands.Add(diff);
        root.Subcommands.Add(test);
        var sweep = SweepCommand.Create(context, rules);
        root.Subcommands.Add(sweep);
        var serve = ServeCommand.Create(context, rules);
        root.Subcommands.Add(serve);
        var fhir = FhirCommand.Create(context, rules);
        root.Subcommands.Add(fhir);
        HelpExamples.Attach(root, new Dictionary<Command, string[]>
        {
            [root] = [.. AdviseCommand.Examples.Take(1), .. ExplainCommand.Examples.Take(1), .. BatchCommand.Examples.Take(1), .. TestCommand.Examples.Take(1), .. SchemaCommand.Examples],
            [advise] = AdviseCommand.Examples,
            [batch] = BatchCommand.Examples,
            [schema] = SchemaCommand.Examples,
            [explain] = ExplainCommand.Examples,
            [sample] = SampleCommand.Examples,
            [lint] = LintCommand.Examples,
            [verify] = VerifyCommand.Examples,
            [diff] = DiffCommand.Examples,
            [test] = TestCommand.Examples,
            [sweep] = SweepCommand.Examples,
            [serve] = ServeCommand.Examples,
            [fhir] = FhirCommand.Examples,
        });
        return root;
    }

    /// <summary>Writes error lines with their control characters escaped: they quote paths and input, which must not drive the terminal.</summary>
    private static async Task WriteLinesAsync(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(Quote.Escape(line));
        }
    }
}
