namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>Rule files the tests load through the real engine, copied beside the test assembly.</summary>
internal static class TestRules
{
    /// <summary>Refers cauda equina signs as an emergency, recommends relaxation to all and reflexology when sitting hurts.</summary>
    public static string Gentle => Path.Combine(AppContext.BaseDirectory, "TestData", "gentle-rules.yaml");

    /// <summary>Refers a fever as urgent, avoids deep tissue in an acute flare, cautions shiatsu for high sensitivity; recommends relaxation, shiatsu and deep tissue to all.</summary>
    public static string Explain => Path.Combine(AppContext.BaseDirectory, "TestData", "explain-rules.yaml");

    /// <summary>Relaxation for all, avoided when unwanted: keeps every invariant.</summary>
    public static string Clean => Path.Combine(AppContext.BaseDirectory, "TestData", "clean-rules.yaml");

    /// <summary>Loads, but has a rule whose condition no profile satisfies (a lint error).</summary>
    public static string LintError => Path.Combine(AppContext.BaseDirectory, "TestData", "lint-error-rules.yaml");

    /// <summary>Does not load: a condition names the unknown field 'flair' on line 8.</summary>
    public static string Broken => Path.Combine(AppContext.BaseDirectory, "TestData", "broken-rules.yaml");

    /// <summary>A layer of one rule: a fever is referred as urgent.</summary>
    public static string FeverLayer => Path.Combine(AppContext.BaseDirectory, "TestData", "fever-layer.yaml");
}
