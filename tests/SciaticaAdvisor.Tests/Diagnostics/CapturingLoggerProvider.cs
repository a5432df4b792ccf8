using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SciaticaAdvisor.Tests.Diagnostics;

/// <summary>Keeps every log entry at every level: its event id, formatted message and structured values.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            entries.Enqueue(new LogEntry(category, 0, LogLevel.None, state.ToString() ?? "", Values(state)));
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, eventId.Id, logLevel, formatter(state, exception) + " " + exception, Values(state)));

        private static IReadOnlyList<KeyValuePair<string, object?>> Values<TState>(TState state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
    }
}

/// <summary>One captured log entry (or scope, with level <see cref="LogLevel.None"/>).</summary>
internal sealed record LogEntry(string Category, int EventId, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values);
