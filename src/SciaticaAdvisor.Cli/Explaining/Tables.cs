using Spectre.Console;
using Spectre.Console.Rendering;

namespace SciaticaAdvisor.Cli.Explaining;

/// <summary>The building blocks of explain's text: titled sections, bordered tables and plain-text cells.</summary>
/// <remarks>All text goes in as <see cref="Text"/>, never as markup, so a rule's words cannot be read as Spectre markup.</remarks>
internal static class Tables
{
    public static Table Table(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
        }

        return table;
    }

    public static IRenderable RuleList(IEnumerable<string> ids, Dictionary<string, string> names) =>
        Cell(string.Join("\n", ids.Select(id => $"{id}: {names.GetValueOrDefault(id, "")}")));

    public static Text Cell(string text) => new(text);

    public static void Section(IAnsiConsole console, string title)
    {
        console.WriteLine();
        console.Write(new Text(title, new Style(decoration: Decoration.Bold | Decoration.Underline)));
        console.WriteLine();
    }

    public static void Line(IAnsiConsole console, string text)
    {
        console.Write(new Text(text));
        console.WriteLine();
    }
}
