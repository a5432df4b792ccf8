using System.Linq.Expressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace SciaticaAdvisor.Engine;

/// <summary>
/// Which facts the rules insert may wait in a chunk's <see cref="FactBatch"/>, and until when: each
/// kind of fact (a derived name, an avoided style) that waits is inserted, with every other waiting
/// fact of the chunk, by a flush rule whose priority lies below every rule that inserts that kind
/// and above every rule that tests it.
/// </summary>
/// <remarks>
/// <para>
/// Why the advice cannot change. A fact matters only to the rules that test it (its kind), and those
/// all have a lower priority than the flush rule; the agenda fires the highest priority first, so
/// none of them is chosen before the flush rule fires, which is when the agenda holds nothing above
/// it. Inserted then, the fact activates or deactivates the same rules, before any of them could
/// have fired, as inserted when its rule fired. Every rule that inserts the kind has a priority above
/// the flush rule, so its facts are waiting by then; should one fire later all the same (activated by
/// a fact the flush inserted), <see cref="FactBatch"/> inserts its fact at once, as without a batch.
/// A kind whose testers do not all lie below all its inserters is never held.
/// </para>
/// <para>
/// Why it is cheaper. NRules propagates an insert through its network as one list: every node a fact
/// passes costs a list, a metrics entry and two clock reads, and a join copies its other memory, once
/// per insert. A fact inserted alone pays all of that; a chunk's facts inserted together pay it once.
/// </para>
/// </remarks>
internal sealed class FactFlushPlan
{
    /// <summary>The level of a kind that is never held: inserted when its rule fires.</summary>
    public const int Never = int.MaxValue;

    private const string DerivedPrefix = "fact:";
    private const string StylePrefix = "style:";

    private readonly Dictionary<string, int> _derived;
    private readonly int[] _styles;

    private FactFlushPlan(Dictionary<string, int> derived, int[] styles, IReadOnlyList<int> levels)
    {
        _derived = derived;
        _styles = styles;
        Levels = levels;
    }

    /// <summary>The priorities of the flush rules, highest first; empty when no fact waits.</summary>
    public IReadOnlyList<int> Levels { get; }

    /// <summary>The priority of the flush rule that inserts <paramref name="fact"/>, or <see cref="Never"/>.</summary>
    public int LevelOf(object fact) => fact switch
    {
        DerivedFact d => _derived.GetValueOrDefault(d.Name, Never),
        StyleAvoidedFact s => (uint)s.Style < (uint)_styles.Length ? _styles[(int)s.Style] : Never,
        _ => Never,
    };

    /// <summary>The level of derived facts of <paramref name="name"/>, for tests.</summary>
    internal int LevelOfDerived(string name) => _derived.GetValueOrDefault(name, Never);

    /// <summary>Plans the flush rules for NRules rules of the given priorities, kinds tested and kinds inserted.</summary>
    /// <param name="rules">Per NRules rule: its priority, the kinds its <c>when</c> tests and the kinds its actions can insert.</param>
    public static FactFlushPlan For(IReadOnlyList<(int Priority, IReadOnlyCollection<string> Tests, IReadOnlyCollection<string> Inserts)> rules)
    {
        var used = rules.Select(r => r.Priority).ToHashSet();
        var highestTest = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowestInsert = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (priority, tests, inserts) in rules)
        {
            foreach (var kind in tests)
            {
                highestTest[kind] = Math.Max(highestTest.GetValueOrDefault(kind, int.MinValue), priority);
            }

            foreach (var kind in inserts)
            {
                lowestInsert[kind] = Math.Min(lowestInsert.GetValueOrDefault(kind, int.MaxValue), priority);
            }
        }

        // Each kind may wait in the open interval (its highest tester, its lowest inserter). Few flush
        // rules stab every interval: by upper end, a point just below it serves every later interval
        // that starts under it.
        var levels = new SortedSet<int>();
        var levelOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var point = (int?)null;
        foreach (var (kind, high) in lowestInsert.Where(k => highestTest.ContainsKey(k.Key)).OrderBy(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal))
        {
            var low = highestTest[kind];
            if (point is not { } p || p <= low || p >= high)
            {
                point = null;
                for (var candidate = (long)high - 1; candidate > low; candidate--)
                {
                    if (!used.Contains((int)candidate))
                    {
                        point = (int)candidate;
                        break;
                    }
                }
            }

            if (point is { } chosen)
            {
                levels.Add(chosen);
                levelOf[kind] = chosen;
            }
        }

        var derived = new Dictionary<string, int>(StringComparer.Ordinal);
        var styles = new int[AdviceSheet.StyleCount];
        Array.Fill(styles, Never);
        foreach (var (kind, level) in levelOf)
        {
            if (kind.StartsWith(StylePrefix, StringComparison.Ordinal))
            {
                styles[int.Parse(kind.AsSpan(StylePrefix.Length), System.Globalization.CultureInfo.InvariantCulture)] = level;
            }
            else
            {
                derived[kind[DerivedPrefix.Length..]] = level;
            }
        }

        return new FactFlushPlan(derived, styles, [.. levels.Reverse()]);
    }

    /// <summary>The kind of a derived fact of <paramref name="name"/>, as <see cref="For"/> takes it.</summary>
    public static string DerivedKind(string name) => DerivedPrefix + name;

    /// <summary>The kind of the fact that <paramref name="style"/> is avoided, as <see cref="For"/> takes it.</summary>
    public static string StyleKind(Advice.MassageStyle style) =>
        StylePrefix + ((int)style).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The NRules rules that insert the waiting facts, one per level.</summary>
    public IEnumerable<IRuleDefinition> FlushRules()
    {
        foreach (var level in Levels)
        {
            var builder = new RuleBuilder();
            // Not a rule id of the language (ids have no spaces), so it can never clash with one.
            builder.Name($"(insert the waiting facts at {level})");
            builder.Priority(level);
            builder.LeftHandSide().Pattern(typeof(FactBatch), "batch");
            var at = level;
            Expression<Action<IContext, FactBatch>> action = (ctx, batch) => batch.Flush(ctx, at);
            builder.RightHandSide().Action(action);
            yield return builder.Build();
        }
    }
}
