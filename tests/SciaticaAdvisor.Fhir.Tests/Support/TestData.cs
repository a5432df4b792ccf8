namespace SciaticaAdvisor.Fhir.Tests.Support;

/// <summary>The FHIR documents in <c>TestData/</c>, written by hand in the shapes real systems send.</summary>
internal static class TestData
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));
}
