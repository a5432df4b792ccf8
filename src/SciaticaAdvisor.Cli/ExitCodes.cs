namespace SciaticaAdvisor.Cli;

/// <summary>The exit codes of the contract: 2 is the user's to fix, 1 is ours.</summary>
internal static class ExitCodes
{
    /// <summary>Every profile was advised, or the command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>A fault in the program itself (or in a rule set that breaks an invariant).</summary>
    public const int Fault = 1;

    /// <summary>Invalid input, a usage error, a missing or unreadable file, or a rule file that does not load.</summary>
    public const int Invalid = 2;

    /// <summary><c>diff</c> only: the two rule sets advise differently on the population.</summary>
    public const int Different = 3;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as a shell reports a process the signal ended), its partial output removed: not a fault of the program.</summary>
    public const int Interrupted = 130;
}
