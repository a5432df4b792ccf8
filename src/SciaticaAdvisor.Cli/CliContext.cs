using SciaticaAdvisor.Cli.Advising;

namespace SciaticaAdvisor.Cli;

/// <summary>Where a run of the command line reads and writes, so tests can run it in-process.</summary>
/// <param name="In">Standard input.</param>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error.</param>
internal sealed record CliContext(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Whether standard output is a terminal, where <c>explain</c> may use colour.</summary>
    public bool OutIsTerminal { get; init; }

    /// <summary>Whether standard error is a terminal, where batch shows its progress.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>Opens standard input as bytes, for <c>batch --input -</c>; by default the text of <see cref="In"/> as UTF-8.</summary>
    public Func<Stream> OpenIn { get; init; } = () => new MemoryStream(new System.Text.UTF8Encoding(false).GetBytes(In.ReadToEnd()));

    /// <summary>Turns the <c>--rules</c> layers into an advisor.</summary>
    public IAdvisorLoader Advisors { get; init; } = new RuleLayersLoader();

    /// <summary>How many batch lines one worker advises at a time; tests make it small to force many chunks.</summary>
    public int BatchChunkLines { get; init; } = 64;

    /// <summary>
    /// The bytes of a batch's output file handed to the kernel at a time and then dropped from the page
    /// cache behind the writer (<see cref="Output.PageCacheRelease"/>); 0 leaves the cache alone. Tests
    /// make it small to drop many windows of a small output.
    /// </summary>
    public long PageCacheWindow { get; init; } = Output.PageCacheRelease.DefaultWindow;

    /// <summary>The start-up trace, when <see cref="StartupTrace.Variable"/> asks for one.</summary>
    public StartupTrace? Trace { get; init; }
}
