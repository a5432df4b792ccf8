namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>A theory that needs Debian's headless Chromium and its driver; skipped, saying why, where they are missing.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.Browser) || !File.Exists(ChromiumFactAttribute.Driver))
        {
            Skip = $"needs {ChromiumFactAttribute.Browser} and {ChromiumFactAttribute.Driver}: apt-get install chromium chromium-driver";
        }
    }
}
