using System.Collections.Concurrent;
using NRules;
using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Runs profiles through engine sessions: one profile in a pooled session, or a chunk of profiles in
/// a session of their own.
/// </summary>
/// <remarks>
/// <para>
/// Creating an NRules session costs more than running the rules for one profile, so a single advice
/// borrows a kept session and gives it back empty: every fact it held is retracted, the profile
/// first, so no rule can be left activated. A chunk instead gets a fresh session that is dropped
/// afterwards: retracting costs about as much as inserting, and creating one session is cheap once it
/// is shared by a chunk's profiles.
/// </para>
/// <para>Thread-safe; a session is used by one call at a time. A session that saw an exception is dropped.</para>
/// </remarks>
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

        profile.Slot = 0;
        pooled.Sheet[0] = sheet;
        pooled.Session.Insert(profile);
        pooled.Session.Fire();
        pooled.Session.Retract(profile);
        pooled.Session.RetractAll(sheet.Asserted);
        pooled.Sheet[0] = null!;
        if (Interlocked.Increment(ref _kept) <= MaxKept)
        {
            _sessions.Add(pooled);
        }
        else
        {
            Interlocked.Decrement(ref _kept);
        }
    }

    /// <summary>Runs the rules for a chunk of profiles at once, each writing its own sheet.</summary>
    /// <param name="profiles">The profiles; each one's <see cref="ProfileFact.Slot"/> is set to its index.</param>
    /// <param name="sheets">The profiles' sheets, in the same order.</param>
    /// <remarks>
    /// The rules join every derived fact to the profile it was derived for, and the agenda fires one
    /// activation at a time by priority, which is unique per rule: each profile's rules fire in the
    /// order they fire when it is alone.
    /// </remarks>
    public void RunChunk(ArraySegment<ProfileFact> profiles, AdviceSheet[] sheets)
    {
        for (var i = 0; i < profiles.Count; i++)
        {
            profiles[i].Slot = i;
        }

        var session = factory.CreateSession();
        session.DependencyResolver = new SessionSheets { Sheets = sheets };
        session.InsertAll(profiles);
        session.Fire();
    }

    private sealed class PooledSession
    {
        public PooledSession(ISession session)
        {
            Session = session;
            Session.DependencyResolver = new SessionSheets { Sheets = Sheet };
        }

        public ISession Session { get; }

        public AdviceSheet[] Sheet { get; } = new AdviceSheet[1];
    }
}
