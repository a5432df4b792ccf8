using NRules.RuleModel;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// The facts a chunk's rules inserted that wait for their flush rule, which inserts them all at once
/// (<see cref="FactFlushPlan"/>). One per chunk session, inserted into it as a fact of its own.
/// </summary>
internal sealed class FactBatch(FactFlushPlan plan)
{
    private readonly List<object> _waiting = [];

    // The lowest flush rule that has fired so far: a kind whose level is not below it goes straight in.
    private int _passed = FactFlushPlan.Never;

    /// <summary>How many facts the flush rules inserted, for tests and the engine probe.</summary>
    public int Flushed { get; private set; }

    /// <summary>Whether no fact is left waiting, as there must be none once the session has fired.</summary>
    public bool IsEmpty => _waiting.Count == 0;

    /// <summary>Keeps <paramref name="fact"/> for its flush rule; false when it must be inserted now.</summary>
    public bool TryHold(object fact)
    {
        if (plan.LevelOf(fact) >= _passed)
        {
            return false;
        }

        _waiting.Add(fact);
        return true;
    }

    /// <summary>What the flush rule of <paramref name="level"/> does: inserts every waiting fact.</summary>
    public void Flush(IContext context, int level)
    {
        _passed = level;
        if (_waiting.Count == 0)
        {
            return;
        }

        // NRules copies the facts into its own list before it propagates them, so the list can be reused.
        context.InsertAll(_waiting);
        Flushed += _waiting.Count;
        _waiting.Clear();
    }
}
