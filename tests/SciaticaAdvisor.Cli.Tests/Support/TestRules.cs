namespace SciaticaAdvisor.Cli.Tests.Support;

/// <summary>Rule files the tests load through the real engine, copied beside the test assembly.</summary>
internal static class TestRules
{
    /// <summary>Refers cauda equina signs as an emergency, recommends relaxation to all and reflexology when sitting hurts.</summary>
    public static string Gentle => Path.Combine(AppContext.BaseDirectory, "TestData", "gentle-rules.yaml");

    /// <summary>Refers a fever as urgent, avoids deep tissue in an acute flare, cautions shiatsu for high sensitivity; recommends relaxation, shiatsu and deep tissue to all.</summary>
    public static string Explain => Path.Combine(AppContext.BaseDirectory, "TestData", "explain-rules.yaml");
}
