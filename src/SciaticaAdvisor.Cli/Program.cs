using System.Text;
using SciaticaAdvisor.Cli;
using SciaticaAdvisor.Cli.Output;

// A one-profile advise interprets what it would compile: its rules are interpreted already
// (AdvisorBuilder.PreferQuickStart), and with dynamic code off so are YamlDotNet's compiled tag regex
// and FluentValidation's accessors, which a start otherwise emits and JIT-compiles for one use
// (docs/performance.md, "Cold start, fourth round"). Set before anything reads the switch; the
// start-up trace says whether it held. The other commands keep compiled code: batch's rules run a
// million times. SCIATICA_ADVISOR_JIT_PROFILE=1 also compiles the methods a start still JIT-compiles
// ahead on the idle core, from the previous start's profile (JitProfile; off by default).
if (args is ["advise", ..])
{
    AppContext.SetSwitch("System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported", false);
    JitProfile.Start();
}

var trace = StartupTrace.FromEnvironment();
trace?.Mark("runtime start (Main)");

// Standard output gets a buffered UTF-8 writer without a byte-order mark: batch writes a line per
// profile, and the console's auto-flushing writer would make each one a system call.
// Its failures (a full disk) are reported with exit 2; only a reader that went away is quiet.
var stdout = new StreamWriter(new StandardOutputStream(Console.OpenStandardOutput()), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
var context = new CliContext(Console.In, stdout, Console.Error)
{
    OutIsTerminal = !Console.IsOutputRedirected,
    ErrorIsTerminal = !Console.IsErrorRedirected,
    OpenIn = Console.OpenStandardInput,
    Trace = trace,
};
var exitCode = await CliApp.RunAsync(args, context, CancellationToken.None);
try
{
    // Synchronous: nothing is left to overlap with, and an awaited write would suspend Main (a cold advise then JIT-compiles its state machine box).
    stdout.Dispose();
}
catch (IOException)
{
    // The reader went away (| head); the run has already said what it could.
}

if (trace is not null)
{
    trace.Mark("exit");
    trace.Write(Console.Error);
}

return exitCode;
