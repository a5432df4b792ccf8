using SciaticaAdvisor.Cli.Batch;

namespace SciaticaAdvisor.Cli.Tests.Batch;

public sealed class BatchProgressTests
{
    [Fact]
    public async Task Report_OnATerminal_RewritesOneLineWithTheCount()
    {
        using var terminal = new StringWriter();
        var progress = new BatchProgress(terminal, enabled: true, TimeSpan.Zero);

        await progress.ReportAsync(10);
        await progress.ReportAsync(20);

        terminal.ToString().Should().Be("\r10 lines…\r20 lines…");
    }

    [Fact]
    public async Task Clear_AfterProgress_ErasesTheLine()
    {
        using var terminal = new StringWriter();
        var progress = new BatchProgress(terminal, enabled: true, TimeSpan.Zero);

        await progress.ReportAsync(10);
        await progress.ClearAsync();

        terminal.ToString().Should().EndWith("\r\u001b[K");
    }

    [Fact]
    public async Task Report_NotOnATerminal_WritesNothing()
    {
        using var terminal = new StringWriter();
        var progress = new BatchProgress(terminal, enabled: false, TimeSpan.Zero);

        await progress.ReportAsync(10);
        await progress.ClearAsync();

        terminal.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Report_WithinTheInterval_WritesNothing()
    {
        using var terminal = new StringWriter();
        var progress = new BatchProgress(terminal, enabled: true, TimeSpan.FromHours(1));

        await progress.ReportAsync(10);

        terminal.ToString().Should().BeEmpty();
    }
}
