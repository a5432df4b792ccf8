using System.Collections.Concurrent;
using NRules;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Engine sessions kept for reuse. Creating an NRules session costs more than running the rules in
/// it, so each advice borrows one, and gives it back empty: every fact it held is retracted, the
/// profile first, so no rule can be left activated.
/// </summary>
/// <remarks>Thread-safe; a session is used by one advice at a time. A session that saw an exception is dropped.</remarks>
internal sealed class SessionPool(ISessionFactory factory)
{
    private static readonly int MaxKept = Environment.ProcessorCount * 2;

    private readonly ConcurrentBag<PooledSession> _sessions = [];

    // ConcurrentBag.Count takes the lock of every thread's list; a counter of our own does not.
    private int _kept;

    public void Run(ProfileFact profile, AdviceSheet sheet)
    {
        PooledSession pooled;
        if (_sessions.TryTake(out var kept))
        {
            Interlocked.Decrement(ref _kept);
            pooled = kept;
        }
        else
        {
            pooled = new PooledSession(factory.CreateSession());
        }

        pooled.Resolver.Sheet = sheet;
        pooled.Session.Insert(profile);
        pooled.Session.Fire();
        pooled.Session.Retract(profile);
        pooled.Session.RetractAll(sheet.Asserted);
        pooled.Resolver.Sheet = null;
        if (Interlocked.Increment(ref _kept) <= MaxKept)
        {
            _sessions.Add(pooled);
        }
        else
        {
            Interlocked.Decrement(ref _kept);
        }
    }

    private sealed class PooledSession
    {
        public PooledSession(ISession session)
        {
            Session = session;
            Session.DependencyResolver = Resolver;
        }

        public ISession Session { get; }

        public SheetResolver Resolver { get; } = new();
    }
}
