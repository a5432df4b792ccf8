using System.Runtime;

namespace SciaticaAdvisor.Cli;

/// <summary>
/// Multicore JIT for a one-profile <c>advise</c>: the runtime records which methods a start had to
/// JIT-compile and, on the next start, compiles them on a background thread ahead of their first call.
/// </summary>
/// <remarks>
/// A cold advise still JIT-compiles some hundreds of methods that ReadyToRun cannot precompile (the
/// framework's generics over the library's enums, NRules' over its structs), most of them on the
/// thread that loads the rules, which is what the start waits on; the other core is idle meanwhile
/// (docs/performance.md, "Cold start, fourth round"). The profile holds method names only, never
/// input; it lives in the user's cache folder (<c>$XDG_CACHE_HOME</c> or <c>~/.cache</c>, the local
/// application data folder on Windows) under <c>sciatica-advisor/</c>, one file per build of the tool.
/// A folder that cannot be made or written leaves the start as it was. Off unless <see cref="Variable"/>
/// is <c>1</c>: under load it cost about 10 ms CPU a start and its wall time was not better
/// (docs/performance.md, "Cold start, fourth round"); the quiet run decides whether it becomes the default.
/// </remarks>
internal static class JitProfile
{
    public const string Variable = "SCIATICA_ADVISOR_JIT_PROFILE";

    /// <summary>Whether this start records or plays a profile.</summary>
    public static bool IsOn { get; private set; }

    public static void Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1" || Folder() is not { } folder)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(folder);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(ProfileName());
            IsOn = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // No cache folder: the start JIT-compiles as it did without one.
        }
    }

    /// <summary>
    /// One profile per build of the tool, per runtime and per layout: a self-contained composite
    /// publish (the framework beside the tool) JIT-compiles another, far shorter list than the
    /// framework-dependent tool of the same build, and each would replay the other's.
    /// </summary>
    private static string ProfileName()
    {
        var build = typeof(JitProfile).Assembly.ManifestModule.ModuleVersionId;
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var layout = string.Equals(framework, Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), StringComparison.Ordinal) ? "self-contained" : "shared";
        return $"advise-{build:N}-{layout}-{Environment.Version}.jitprofile";
    }

    private static string? Folder()
    {
        var root = OperatingSystem.IsWindows()
            ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify)
            : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache && Path.IsPathRooted(cache)
                ? cache
                : Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? Path.Combine(home, ".cache") : null;
        return string.IsNullOrEmpty(root) ? null : Path.Combine(root, "sciatica-advisor");
    }
}
