using Microsoft.Extensions.Logging;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Tests.Rules;

namespace SciaticaAdvisor.Tests.Diagnostics;

public sealed class LogPrivacyTests
{
    [Fact]
    public void Logging_AtTraceLevel_NeverWritesAProfileValue()
    {
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var advisor = PrivacyRules.Advisor(loggerFactory);
        var profiles = PrivacyRules.Batch();

        var advices = profiles.Select(advisor.Advise).ToList();

        // The capture must have seen the events, or a silent logger would pass.
        capture.Entries.Count(e => e.EventId == 1).Should().Be(1);
        capture.Entries.Count(e => e.EventId == 2).Should().Be(profiles.Count);
        advices.Select(a => a.Status).Distinct().Should().HaveCountGreaterThan(1, "the batch is varied");
        ProfileLeaks.Find(capture.Entries, profiles).Should().BeEmpty();
    }

    [Fact]
    public void Logging_WithTheBuiltInRules_NeverWritesAProfileValue()
    {
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        var advisor = new AdvisorBuilder().UseDefaultRules().UseLoggerFactory(loggerFactory).UseAdviceCache(0).Build();
        var profiles = PrivacyRules.Batch();

        var advices = profiles.Select(advisor.Advise).ToList();

        capture.Entries.Count(e => e.EventId == 1).Should().Be(1);
        capture.Entries.Count(e => e.EventId == 2).Should().Be(profiles.Count);
        advices.Select(a => a.Status).Distinct().Should().HaveCount(3, "the batch reaches every status");
        ProfileLeaks.Find(capture.Entries, profiles).Should().BeEmpty();
    }

    [Fact]
    public void ProfileLeaks_FindsASymptomNameInAMessage()
    {
        var profile = PrivacyRules.Batch().First(p => p.Symptoms.Contains(Symptom.Numbness));
        var entry = new LogEntry("test", 2, LogLevel.Debug, "Advice produced for numbness", []);

        ProfileLeaks.Find([entry], [profile]).Should().ContainSingle().Which.Should().Contain("numbness");
    }

    [Fact]
    public void ProfileLeaks_FindsAWeekCountButNotADuration()
    {
        var profile = PrivacyRules.Batch()[0];
        var weeks = profile.SymptomWeeks!.Value;
        var leaked = new LogEntry("test", 2, LogLevel.Debug, $"Advice after {weeks} weeks", []);
        var duration = new LogEntry("test", 2, LogLevel.Debug, $"Advice in 0.{weeks} ms", []);

        ProfileLeaks.Find([leaked, duration], [profile]).Should().ContainSingle().Which.Should().Contain($"number {weeks}");
    }

    [Fact]
    public void ProfileLeaks_FindsAStructuredValueNotOnTheAllowList()
    {
        var profile = PrivacyRules.Batch()[0];
        var entry = new LogEntry("test", 2, LogLevel.Debug, "Advice produced", [new("PainIntensity", 0)]);

        ProfileLeaks.Find([entry], [profile]).Should().ContainSingle().Which.Should().Contain("PainIntensity");
    }

    [Fact]
    public void Logging_RuleSetFault_IsLoggedWithoutTheProfile()
    {
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        // Without the acute-flare rule, deep tissue stays advised in an acute flare: an invariant breaks.
        var advisor = new AdvisorBuilder().AddRules(RuleText.With(""), "fault.yaml").UseLoggerFactory(loggerFactory).Build();
        var profile = PrivacyRules.Batch().First(p => p.Flare == FlareState.Acute && !p.Symptoms.IsEmpty);

        var advise = () => advisor.Advise(profile);

        advise.Should().Throw<SciaticaAdvisor.Rules.RuleSetFaultException>();
        capture.Entries.Should().Contain(e => e.EventId == 3);
        ProfileLeaks.Find(capture.Entries, [profile]).Should().BeEmpty();
    }
}
