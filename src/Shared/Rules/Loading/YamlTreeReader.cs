using SciaticaAdvisor.Contract;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SciaticaAdvisor.Rules.Loading;

/// <summary>
/// Reads YAML into a <see cref="YamlNode"/> tree from YamlDotNet's event stream, iteratively, refusing
/// what a rule file never needs and a hostile one could abuse: anchors and aliases (alias bombs),
/// tags (type names), several documents, deep nesting, long scalars and repeated keys.
/// </summary>
internal static class YamlTreeReader
{
    public const int MaxDepth = 64;
    public const int MaxScalarLength = 2000;

    /// <summary>Reads one YAML document into a tree, or records why not in <paramref name="errors"/> and returns <see langword="null"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="source">The file name errors carry.</param>
    /// <param name="errors">Where the errors go, each with its line and column.</param>
    /// <param name="document">What the text is, for the messages: "a rule file", "a scenario file", "a study file".</param>
    /// <returns>The root node, or <see langword="null"/> for an empty document or an error.</returns>
    /// <remarks>
    /// The one YAML reader for every file the project reads (rule, scenario and study files), so each
    /// has the same limits; it never recurses, so no nesting can overflow the stack.
    /// </remarks>
    public static YamlNode? Read(string text, string source, List<RuleSetError> errors, string document = "a rule file")
    {
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        var documents = 0;
        var last = Mark.Empty;
        var scanner = new Scanner(new StringReader(text));
        try
        {
            var parser = new Parser(scanner);
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                last = current.End;
                if (current is DocumentStart && ++documents > 1)
                {
                    errors.Add(Error(source, current.Start, $"{document} holds one YAML document; found a second"));
                    return null;
                }

                if (current is AnchorAlias)
                {
                    errors.Add(Error(source, current.Start, $"YAML aliases are not allowed in {document}; write the value out"));
                    return null;
                }

                if (current is NodeEvent node && !Accept(node, source, errors, document))
                {
                    return null;
                }

                switch (current)
                {
                    case Scalar scalar:
                        if (scalar.Value.Length > MaxScalarLength)
                        {
                            errors.Add(Error(source, scalar.Start, $"a value of {scalar.Value.Length} characters; at most {MaxScalarLength} are allowed"));
                            return null;
                        }

                        var value = new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, Line(scalar.Start), Column(scalar.Start));
                        if (!Add(stack, value, ref root, source, errors))
                        {
                            return null;
                        }

                        break;
                    case MappingStart start:
                        if (!Open(stack, new YamlMapping([], Line(start.Start), Column(start.Start)), source, start.Start, errors))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart start:
                        if (!Open(stack, new YamlSequence([], Line(start.Start), Column(start.Start)), source, start.Start, errors))
                        {
                            return null;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        var done = stack.Pop().Node;
                        if (!Add(stack, done, ref root, source, errors))
                        {
                            return null;
                        }

                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            errors.Add(new RuleSetError(source, Line(ex.Start), Column(ex.Start), "invalid YAML: " + Quote.Escape(Clean(ex.Message))));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // YamlDotNet's scanner throws other exceptions on some malformed flow collections ("a: [ { b: c\n- d")
            // instead of a YamlException; a rule file is untrusted input, so whatever the parser throws is a load error.
            // The scanner stops where the text stops making sense, which is nearer the mistake than the last good event.
            var at = scanner.CurrentPosition.Line > 0 ? scanner.CurrentPosition : last;
            errors.Add(Error(source, at, "invalid YAML: the text cannot be read here; look for an unclosed '[' or '{' before it"));
            return null;
        }

        return root;
    }

    private static bool Accept(NodeEvent node, string source, List<RuleSetError> errors, string document)
    {
        if (!node.Anchor.IsEmpty)
        {
            errors.Add(Error(source, node.Start, $"YAML anchors are not allowed in {document}"));
            return false;
        }

        if (!node.Tag.IsEmpty)
        {
            errors.Add(Error(source, node.Start, $"YAML tags are not allowed in {document}"));
            return false;
        }

        return true;
    }

    private static bool Open(Stack<Frame> stack, YamlNode node, string source, Mark start, List<RuleSetError> errors)
    {
        if (stack.Count >= MaxDepth)
        {
            errors.Add(Error(source, start, $"the YAML is nested more than {MaxDepth} deep"));
            return false;
        }

        if (stack.TryPeek(out var parent) && parent.Node is YamlMapping && parent.PendingKey is null)
        {
            errors.Add(Error(source, start, "a mapping key must be a plain name, not a mapping or a list"));
            return false;
        }

        stack.Push(new Frame(node));
        return true;
    }

    private static bool Add(Stack<Frame> stack, YamlNode node, ref YamlNode? root, string source, List<RuleSetError> errors)
    {
        if (!stack.TryPeek(out var parent))
        {
            root = node;
            return true;
        }

        switch (parent.Node)
        {
            case YamlSequence sequence:
                sequence.Items.Add(node);
                return true;
            case YamlMapping mapping when parent.PendingKey is null:
                var key = (YamlScalar)node;
                if (!parent.Keys.Add(key.Value))
                {
                    errors.Add(new RuleSetError(source, key.Line, key.Column, $"the key {Quote.Value(key.Value)} is given twice in one mapping"));
                    return false;
                }

                parent.PendingKey = key;
                return true;
            case YamlMapping mapping:
                mapping.Entries.Add(new(parent.PendingKey!, node));
                parent.PendingKey = null;
                return true;
            default:
                return false;
        }
    }

    private static RuleSetError Error(string source, Mark mark, string message) => new(source, Line(mark), Column(mark), message);

    private static int Line(Mark mark) => (int)Math.Max(1, mark.Line);

    private static int Column(Mark mark) => (int)Math.Max(1, mark.Column);

    private static string Clean(string message)
    {
        // YamlDotNet prefixes "(Line: x, Col: y, Idx: z) - (...)": the position is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }

    private sealed class Frame(YamlNode node)
    {
        public YamlNode Node { get; } = node;

        public YamlScalar? PendingKey { get; set; }

        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    }
}
