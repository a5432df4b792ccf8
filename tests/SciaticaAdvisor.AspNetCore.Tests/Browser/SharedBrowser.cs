namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>Every browser test class shares one service and one headless Chromium, and runs one test at a time in it.</summary>
[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
