using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Extensions.DependencyInjection;

/// <summary>Holds the current advisor and, when asked, swaps in a new one each time the rule files change and load.</summary>
/// <remarks>
/// The advisor is one reference, written once per successful reload: readers see the old complete
/// advisor or the new complete one, never a mix. A reload that fails leaves it untouched. A reload
/// waits until the files read the same twice, a settle period (<see cref="SciaticaAdvisorOptions.ReloadDelay"/>)
/// apart with no change between, and refuses a rule set that faults on a built-in scenario's profile.
/// </remarks>
internal sealed class AdvisorProvider : IAdvisorProvider, IDisposable
{
    private readonly SciaticaAdvisorOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly ILogger _logger;
    private readonly List<IDisposable> _watches = [];
    private readonly Timer? _debounce;
    private readonly Lock _reloadGate = new();
    private Advisor _current;

    // Digests of the rule files (RuleFileLoader.Read): as last seen while settling, and as last loaded.
    // Only the timer thread touches them, under the gate.
    private string? _settling;
    private string? _loaded;

    public AdvisorProvider(IOptionsMonitor<SciaticaAdvisorOptions> options, InitialAdvisor initial, ILoggerFactory? loggerFactory = null)
    {
        // CurrentValue runs the validator (which loads the rule set) unless startup validation already did.
        _options = options.CurrentValue;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory?.CreateLogger("SciaticaAdvisor.Extensions.DependencyInjection") ?? NullLogger.Instance;
        _current = initial.Take(_options) ?? RuleFileLoader.Load(_options, loggerFactory);
        if (_options.ReloadOnChange)
        {
            _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            Watch();
        }
    }

    public Advisor Current => Volatile.Read(ref _current);

    public void Dispose()
    {
        _debounce?.Dispose();
        foreach (var watch in _watches)
        {
            watch.Dispose();
        }
    }

    private void Watch()
    {
        var files = RuleFileLoader.FullPaths(_options).Distinct(StringComparer.Ordinal).ToList();
        foreach (var directory in files.GroupBy(Path.GetDirectoryName))
        {
            var provider = new PhysicalFileProvider(directory.Key!);
            _watches.Add(provider);
            foreach (var file in directory)
            {
                var name = Path.GetFileName(file);
                _watches.Add(ChangeToken.OnChange(() => provider.Watch(name), OnChanged));
            }
        }

        ProviderLog.Watching(_logger, files.Count);
    }

    // Editors write a file in several steps; wait until the changes stop before reading it.
    private void OnChanged() => _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Runs a settle period after the last change: reads the files, and loads them only when they
    /// read the same as a settle period before, so a writer that pauses mid-file is not served.
    /// </summary>
    private void Reload()
    {
        lock (_reloadGate)
        {
            var old = Current;
            try
            {
                var texts = RuleFileLoader.Read(_options);
                if (texts.Digest != _settling)
                {
                    // Changed since the last look (or first look since a change): look again after another settle period.
                    _settling = texts.Digest;
                    ProviderLog.Settling(_logger, _options.ReloadDelay.TotalMilliseconds);
                    _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
                    return;
                }

                _settling = null;
                if (texts.Digest == _loaded)
                {
                    return;
                }

                var next = RuleFileLoader.Load(_options, texts, _loggerFactory);
                if (ScenarioProbe.FirstFault(next) is { } fault)
                {
                    _loaded = texts.Digest;
                    ProviderLog.ReloadRefused(_logger, next.RuleSet.Name, next.RuleSet.Version, fault.Scenario, fault.Fault, old.RuleSet.Name, old.RuleSet.Version);
                    return;
                }

                Volatile.Write(ref _current, next);
                _loaded = texts.Digest;
                ProviderLog.Reloaded(_logger, next.RuleSet.Name, next.RuleSet.Version, next.RuleSet.Sha256, old.RuleSet.Name, old.RuleSet.Version);
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    var before = old.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                    var after = next.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                    var added = Ids(after.Except(before));
                    var removed = Ids(before.Except(after));
                    ProviderLog.RulesChanged(_logger, added, removed);
                }
            }
            catch (RuleSetException ex)
            {
                _settling = null;
                ProviderLog.ReloadFailed(_logger, ex.Errors.Length, old.RuleSet.Name, old.RuleSet.Version);
                foreach (var error in ex.Errors)
                {
                    ProviderLog.RuleSetError(_logger, error.ToString());
                }
            }
#pragma warning disable CA1031 // A reload runs on a timer thread: any escape would end the process, so keep the old rules and log.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _settling = null;
                ProviderLog.ReloadFaulted(_logger, ex, old.RuleSet.Name, old.RuleSet.Version);
            }
        }
    }

    /// <summary>Rule ids for the log: kebab-case names the loader has checked, never profile content.</summary>
    private static string Ids(IEnumerable<string> ids)
    {
        var list = ids.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
