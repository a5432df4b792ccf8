using System.Text.RegularExpressions;
using SciaticaAdvisor.Tests.Scenarios;

namespace SciaticaAdvisor.Tests.Architecture;

/// <summary>
/// Which namespace of a source tree uses which, read from the source text: a file uses a type of
/// another namespace when it names the type and can see it (a using, a qualified name, or an
/// enclosing namespace). Reading text keeps the check free of reflection over IL; comments and
/// string literals are left out so prose does not count.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private NamespaceGraph(Dictionary<string, HashSet<Edge>> edges) => Edges = edges;

    /// <summary>Each namespace's uses of other namespaces, with the file and type that make each.</summary>
    public Dictionary<string, HashSet<Edge>> Edges { get; }

    /// <summary>The graph of what a project compiles: the files below its folder and the shared source its project file includes.</summary>
    /// <param name="project">The .csproj.</param>
    /// <param name="globalUsings">The namespaces the project imports for every file.</param>
    public static NamespaceGraph ReadProject(string project, IReadOnlyCollection<string> globalUsings)
    {
        var own = Directory.EnumerateFiles(Path.GetDirectoryName(project)!, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return Read([.. own, .. SharedSource(project)], globalUsings);
    }

    /// <summary>The files a project compiles from src/Shared: <c>&lt;Compile Include="$(RepoRoot)src/Shared/…" /&gt;</c>, a file or a folder's <c>*.cs</c>.</summary>
    public static IEnumerable<string> SharedSource(string project) =>
        SharedCompile().Matches(File.ReadAllText(project)).SelectMany(m =>
        {
            var path = Path.Combine(RepoPaths.Root, m.Groups[1].Value);
            return Path.GetFileName(path) == "*.cs"
                ? Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.cs")
                : [path];
        });

    public static NamespaceGraph Read(IEnumerable<string> paths, IReadOnlyCollection<string> globalUsings)
    {
        var files = paths
            .Select(f => (Path: f, Code: StripCommentsAndStrings(File.ReadAllText(f))))
            .Select(f => (f.Path, f.Code, Namespace: NamespaceDeclaration().Match(f.Code).Groups[1].Value))
            .ToList();

        var declared = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match m in TypeDeclaration().Matches(file.Code))
            {
                (declared.TryGetValue(m.Groups[1].Value, out var set) ? set : declared[m.Groups[1].Value] = []).Add(file.Namespace);
            }
        }

        var edges = new Dictionary<string, HashSet<Edge>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var usings = UsingDirective().Matches(file.Code).Select(m => m.Groups[1].Value).Concat(globalUsings).ToHashSet(StringComparer.Ordinal);
            foreach (Match m in Name().Matches(file.Code))
            {
                // Every segment of a dotted name may be a type: Quote in Quote.Escape(...), Engine.AdviceSheet.
                string[] segments = [.. m.Groups[1].Value.Split('.', StringSplitOptions.RemoveEmptyEntries), m.Groups[2].Value];
                for (var i = 0; i < segments.Length; i++)
                {
                    var qualifier = string.Join('.', segments[..i]);
                    foreach (var target in declared.GetValueOrDefault(segments[i]) ?? [])
                    {
                        var visible = usings.Contains(target)
                            || file.Namespace.StartsWith(target + ".", StringComparison.Ordinal)
                            || (qualifier.Length > 0 && (target == qualifier || target.EndsWith("." + qualifier, StringComparison.Ordinal)));
                        if (target != file.Namespace && visible)
                        {
                            (edges.TryGetValue(file.Namespace, out var set) ? set : edges[file.Namespace] = []).Add(new Edge(target, Path.GetFileName(file.Path), segments[i]));
                        }
                    }
                }
            }
        }

        return new NamespaceGraph(edges);
    }

    public bool Uses(string from, string to) => Edges.TryGetValue(from, out var set) && set.Any(e => e.To == to);

    /// <summary>Every cycle's namespaces, each as one strongly connected group, leaving out the allowed edges.</summary>
    public List<List<string>> Cycles(IReadOnlySet<(string From, string To)> allowed)
    {
        var graph = Edges.ToDictionary(e => e.Key, e => e.Value.Select(x => x.To).Where(to => !allowed.Contains((e.Key, to))).ToHashSet(StringComparer.Ordinal));
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (stack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var group = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    group.Add(w);
                }
                while (w != v);
                if (group.Count > 1)
                {
                    cycles.Add(group);
                }
            }
        }

        foreach (var v in graph.Keys.Where(v => !index.ContainsKey(v)).ToList())
        {
            Visit(v);
        }

        return cycles;
    }

    private static string StripCommentsAndStrings(string code) =>
        StringLiteral().Replace(BlockComment().Replace(LineComment().Replace(code, string.Empty), string.Empty), "\"\"");

    [GeneratedRegex(@"<Compile Include=""\$\(RepoRoot\)(src/Shared/[^""]+)""")]
    private static partial Regex SharedCompile();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|file|sealed|static|abstract|readonly|partial|ref)\s+)*(?:class|record|struct|enum|interface)\s+(?:class\s+|struct\s+)?(\w+)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^using (SciaticaAdvisor[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b((?:\w+\.)*)(\w+)\b")]
    private static partial Regex Name();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    [GeneratedRegex(@"@?\$*""(?:[^""\\\n]|\\.)*""")]
    private static partial Regex StringLiteral();

    /// <summary>One use: the namespace used, and the file and type name that show it.</summary>
    public sealed record Edge(string To, string File, string Type);
}
