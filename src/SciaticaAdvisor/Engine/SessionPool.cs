using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using NRules;

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
    /// <summary>How many idle sessions (and idle chunks, <see cref="CompiledRuleSet"/>) are kept at most: two a core.</summary>
    public static readonly int MaxKept = Environment.ProcessorCount * 2;

    private readonly ConcurrentBag<ISession> _sessions = [];

    // ConcurrentBag.Count takes the lock of every thread's list; a counter of our own does not.
    private int _kept;

    public void Run(SessionProfile profile)
    {
        if (!_sessions.TryTake(out var session))
        {
            session = factory.CreateSession();
        }
        else
        {
            Interlocked.Decrement(ref _kept);
        }

        session.Insert(profile);
        Fire(session);
        RuleFiring.FireDeferred(profile.Sheet, int.MinValue);
        session.Retract(profile);
        session.RetractAll(profile.Sheet.Asserted);
        if (Interlocked.Increment(ref _kept) <= MaxKept)
        {
            _sessions.Add(session);
        }
        else
        {
            Interlocked.Decrement(ref _kept);
        }
    }

    /// <summary>Runs the rules for a chunk of profiles at once, each writing its own sheet.</summary>
    /// <remarks>
    /// The rules join every derived fact to the sheet it was derived for, and the agenda fires one
    /// activation at a time by priority, which is unique per rule: each profile's rules fire in the
    /// order they fire when it is alone.
    /// </remarks>
    /// <param name="profiles">The chunk's profiles, each with its own sheet.</param>
    /// <param name="batch">Where the sheets hold back the facts their rules insert, or null to insert each at once.</param>
    public void RunChunk(ArraySegment<SessionProfile> profiles, FactBatch? batch = null)
    {
        var session = factory.CreateSession();
        session.InsertAll(profiles);
        if (batch is not null)
        {
            // The flush rules match it: each inserts, at its priority, the facts waiting by then.
            session.Insert(batch);
        }

        Fire(session);
        foreach (var profile in profiles)
        {
            RuleFiring.FireDeferred(profile.Sheet, int.MinValue);
        }

        if (batch is { IsEmpty: false })
        {
            throw new InvalidOperationException("a fact the rules inserted was still waiting after the session fired");
        }
    }

    /// <summary>Fires the session; a rule's action that threw is thrown as <see cref="RuleFiringException"/>, which names the rule, not in NRules' wrapping.</summary>
    private static void Fire(ISession session)
    {
        try
        {
            session.Fire();
        }
        catch (RuleRhsExpressionEvaluationException ex) when (ex.InnerException is RuleFiringException named)
        {
            ExceptionDispatchInfo.Capture(named).Throw();
        }
    }
}
