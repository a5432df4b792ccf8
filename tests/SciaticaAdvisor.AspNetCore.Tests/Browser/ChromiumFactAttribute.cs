namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>A fact that needs Debian's headless Chromium and its driver; skipped, saying why, where they are missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver))
        {
            Skip = $"needs {Browser} and {Driver}: apt-get install chromium chromium-driver";
        }
    }
}
