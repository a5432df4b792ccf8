using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.Extensions.DependencyInjection.Tests;

/// <summary>A reload serves only a rule file that has settled, and never one that faults on a built-in scenario.</summary>
public sealed class SettledReloadTests : IDisposable
{
    // The writer below pauses mid-file until the provider's first look, then has a settle period to
    // write the rest before the second look: at 400 ms a loaded machine's late scheduling fits in it.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(400);

    private const string ExtraRule = """
          - id: extra-note
            name: A note for every advice
            guidance: G8
            then: [ { note: Drink water after a massage. } ]

        """;

    private readonly TestRules _rules = new("1.0.0");
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;

    public SettledReloadTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSciaticaAdvisor(o =>
        {
            o.RuleFiles.Add(_rules.Path);
            o.ReloadOnChange = true;
            o.ReloadDelay = Settle;
        });
        _services = services.BuildServiceProvider();
        _ = Provider.Current;
    }

    private IAdvisorProvider Provider => _services.GetRequiredService<IAdvisorProvider>();

    public void Dispose()
    {
        _services.Dispose();
        _rules.Dispose();
    }

    [Fact]
    public void ReloadDelay_DefaultsToTwoSeconds() =>
        new SciaticaAdvisorOptions().ReloadDelay.Should().Be(TimeSpan.FromSeconds(2));

    [Fact]
    public async Task Reload_WriterPausingMidFile_IsNeverServedHalfWritten()
    {
        // The first part of the file is a whole rule set by itself (version 2.0.0 without extra-note):
        // served, it would answer under the final name and version with a rule missing.
        var whole = TestRules.Valid("2.0.0") + ExtraRule;
        var cut = TestRules.Valid("2.0.0").Length;
        using var stop = new CancellationTokenSource();
        var served = Task.Run(() =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Look()
            {
                var current = Provider.Current;
                seen.Add($"{current.RuleSet.Version} {current.Rules.Any(r => r.Id == "extra-note")}");
            }

            while (!stop.IsCancellationRequested)
            {
                Look();
            }

            // One look after the stop: on a busy machine this loop may not have run since the reload.
            Look();
            return seen;
        });

        var looks = _logs.Count(eventId: 108);
        using (var writer = new StreamWriter(_rules.Path, append: false))
        {
            await writer.WriteAsync(whole[..cut]);
            await writer.FlushAsync();
            // The writer pauses until the provider has looked at the half-written file (it logs 108 and
            // looks again a settle period later), then writes the rest: a timed pause instead made a
            // late timer on a loaded machine a pause longer than two settle periods, which is served by design.
            (await Eventually.TrueAsync(() => _logs.Count(eventId: 108) > looks)).Should().BeTrue("the provider looks at the changed file");
            await writer.WriteAsync(whole[cut..]);
        }

        var reloaded = await Eventually.TrueAsync(() => Provider.Current.Rules.Any(r => r.Id == "extra-note"));
        await stop.CancelAsync();

        reloaded.Should().BeTrue("the finished file is loaded once it has settled");
        (await served).Should().BeEquivalentTo(["1.0.0 False", "2.0.0 True"], "the half-written file is never served");
        // Published first, logged just after: wait for the line, then there must be exactly one.
        (await Eventually.TrueAsync(() => _logs.Count(eventId: 101) >= 1)).Should().BeTrue("the reload is logged");
        _logs.Count(eventId: 101).Should().Be(1);
    }

    [Fact]
    public async Task Reload_LogsTheRuleIdsItAddsAndRemoves_WithoutContent()
    {
        var next = TestRules.Valid("2.0.0").Replace("id: unwanted-relaxation", "id: relaxation-unwanted", StringComparison.Ordinal) + ExtraRule;

        _rules.Write(next);

        (await Eventually.TrueAsync(() => _logs.Count(eventId: 106) > 0)).Should().BeTrue();
        _logs.Entries.Single(e => e.Id.Id == 106).Message.Should().Be(
            "Rule set reload adds rules extra-note, relaxation-unwanted and removes rules unwanted-relaxation");
        _logs.Entries.Should().NotContain(e => e.Message.Contains("Drink water", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_RuleSetThatFaultsOnABuiltInScenario_IsRefused_AndTheOldOneKept()
    {
        var before = Provider.Current;

        // Loads, but advises firm deep tissue in an acute flare: a fault on the flare scenarios.
        _rules.Write(TestRules.Valid("2.0.0").Replace("capPressure: { max: light }", "recommend: { style: deepTissue, score: 90 }", StringComparison.Ordinal));

        (await Eventually.TrueAsync(() => _logs.Count(eventId: 107) > 0)).Should().BeTrue("the refusal is logged");
        Provider.Current.Should().BeSameAs(before);
        _logs.Entries.Single(e => e.Id.Id == 107).Message.Should().StartWith("Rule set reload refused: test-rules 2.0.0 faults on the built-in scenario '")
            .And.EndWith("; keeping test-rules 1.0.0");
    }
}
