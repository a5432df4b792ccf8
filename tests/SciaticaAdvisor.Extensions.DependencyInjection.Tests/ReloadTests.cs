using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests;

public sealed class ReloadTests : IDisposable
{
    private readonly TestRules _rules = new("1.0.0");
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;

    public ReloadTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSciaticaAdvisor(o =>
        {
            o.RuleFiles.Add(_rules.Path);
            o.ReloadOnChange = true;
            o.ReloadDelay = TimeSpan.FromMilliseconds(50);
        });
        _services = services.BuildServiceProvider();

        // The provider starts watching when it is first resolved, as a host's first request would.
        _ = Provider.Current;
    }

    private IAdvisorProvider Provider => _services.GetRequiredService<IAdvisorProvider>();

    public void Dispose()
    {
        _services.Dispose();
        _rules.Dispose();
    }

    [Fact]
    public async Task Reload_GoodChange_IsPickedUp()
    {
        var before = Provider.Current;

        _rules.Write(TestRules.Valid("2.0.0"));

        (await Eventually.TrueAsync(() => Provider.Current.RuleSet.Version == "2.0.0")).Should().BeTrue("the watcher reloads a changed rule file");
        Provider.Current.Should().NotBeSameAs(before);
        _services.GetRequiredService<Advisor>().Advise(TestRules.Profile).RuleSet.Version.Should().Be("2.0.0");
        // The new rule set is published first and logged just after, on the watcher's thread: wait for the line.
        (await Eventually.TrueAsync(() => _logs.Count(eventId: 101) >= 1)).Should().BeTrue("the reload is logged");
    }

    [Fact]
    public async Task Reload_FileReplacedByRename_IsPickedUp()
    {
        // Editors often save by writing a temporary file and renaming it over the original.
        var temporary = _rules.Path + ".tmp";
        File.WriteAllText(temporary, TestRules.Valid("5.0.0"));

        File.Move(temporary, _rules.Path, overwrite: true);

        (await Eventually.TrueAsync(() => Provider.Current.RuleSet.Version == "5.0.0")).Should().BeTrue();
    }

    [Fact]
    public async Task Reload_BrokenFile_KeepsTheOldRuleSetAndLogsTheErrors()
    {
        var before = Provider.Current;

        _rules.Write(TestRules.Broken);

        (await Eventually.TrueAsync(() => _logs.Count(eventId: 102) > 0)).Should().BeTrue("the failed reload is logged");
        Provider.Current.Should().BeSameAs(before);
        _logs.Entries.Should().Contain(e => e.Id.Id == 103 && e.Message.Contains(_rules.Path + ":5:1:", StringComparison.Ordinal));
        Provider.Current.Advise(TestRules.Profile).RuleSet.Version.Should().Be("1.0.0");
    }

    [Fact]
    public async Task Reload_DeletedFile_KeepsTheOldRuleSet()
    {
        var before = Provider.Current;

        File.Delete(_rules.Path);

        (await Eventually.TrueAsync(() => _logs.Count(eventId: 102) > 0)).Should().BeTrue();
        Provider.Current.Should().BeSameAs(before);
    }

    [Fact]
    public async Task Reload_FixedAfterBreaking_PicksUpTheFix()
    {
        _rules.Write(TestRules.Broken);
        (await Eventually.TrueAsync(() => _logs.Count(eventId: 102) > 0)).Should().BeTrue();

        _rules.Write(TestRules.Valid("3.0.0"));

        (await Eventually.TrueAsync(() => Provider.Current.RuleSet.Version == "3.0.0")).Should().BeTrue();
    }

    [Fact]
    public async Task Advise_DuringReloads_NeverFailsAndAlwaysUsesAWholeRuleSet()
    {
        var provider = Provider;
        using var stop = new CancellationTokenSource();
        var advised = 0;
        var workers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            var versions = new HashSet<string>();
            while (!stop.IsCancellationRequested)
            {
                var advice = provider.Current.Advise(TestRules.Profile);
                versions.Add(advice.RuleSet.Version);
                advice.Styles.Should().HaveCount(2);
                Interlocked.Increment(ref advised);
            }

            return versions;
        })).ToArray();

        for (var i = 2; i <= 6; i++)
        {
            _rules.Write(i % 2 == 0 ? TestRules.Valid($"{i}.0.0") : TestRules.Broken);
            var version = $"{i}.0.0";
            var changed = i % 2 == 0
                ? await Eventually.TrueAsync(() => provider.Current.RuleSet.Version == version)
                : await Eventually.TrueAsync(() => _logs.Count(eventId: 102) >= i / 2);
            changed.Should().BeTrue($"change {i} is noticed");
        }

        await stop.CancelAsync();
        var seen = (await Task.WhenAll(workers)).SelectMany(v => v).ToHashSet();

        advised.Should().BeGreaterThan(0);
        seen.Should().BeSubsetOf(["1.0.0", "2.0.0", "4.0.0", "6.0.0"], "a broken rule file never answers");
        provider.Current.RuleSet.Version.Should().Be("6.0.0");
    }
}
