using Spectre.Console;

namespace SciaticaAdvisor.Cli.Terminal;

/// <summary>A Spectre.Console console over one of the tool's writers: colour and live display on a terminal, plain text anywhere else.</summary>
internal static class TerminalConsole
{
    /// <summary>Wide enough that tables in a file or a pipe keep rule ids and reasons on one line.</summary>
    private const int RedirectedWidth = 160;

    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });

        // The writer is not Console.Out itself, so Spectre cannot see the window; ask the console.
        console.Profile.Width = isTerminal ? WindowWidth() : RedirectedWidth;
        return console;
    }

    private static int WindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
