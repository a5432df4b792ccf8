using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Interactions;

namespace SciaticaAdvisor.AspNetCore.Tests.Browser;

/// <summary>Staff at the keyboard without a mouse: Tab and Shift+Tab to move, the arrow keys to pick a radio answer, Space to tick, Enter to press, typing for numbers.</summary>
/// <remarks>
/// Nothing here clicks or sets a value by script: scripts only read which element has the focus and
/// whether it shows a focus ring. Every Tab stop passed on the way is checked for a visible ring.
/// </remarks>
internal sealed class Keyboard(ChromeDriver driver)
{
    private const int MaxPresses = 150;

    private const string Describe = """
        const e = document.activeElement;
        const label = e.closest('label') ?? (e.labels && e.labels.length ? e.labels[0] : null);
        const ringOn = el => { const s = getComputedStyle(el); return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; };
        const transparent = parseFloat(getComputedStyle(e).opacity) === 0;
        const r = e.getBoundingClientRect();
        const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight;
        return JSON.stringify({
          tag: e.tagName, id: e.id, type: e.type ?? '', name: e.name ?? '', checked: !!e.checked,
          label: (label ? label.innerText : e.getAttribute('aria-label') ?? e.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 100),
          ring: onScreen && ((!transparent && ringOn(e)) || (label !== null && ringOn(label))) });
        """;

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly List<string> _withoutRing = [];

    /// <summary>The Tab stops passed that showed no visible focus ring.</summary>
    public IReadOnlyList<string> StopsWithoutVisibleFocus => _withoutRing;

    /// <summary>The element that has the focus now.</summary>
    public Stop Focused => JsonSerializer.Deserialize<Stop>((string)driver.ExecuteScript(Describe)!, Web)!;

    public void Press(string keys) => new Actions(driver).SendKeys(keys).Perform();

    /// <summary>Presses Tab (or Shift+Tab) until the focus is on what <paramref name="isTarget"/> accepts.</summary>
    public Stop TabTo(Func<Stop, bool> isTarget, string what, bool backwards = false)
    {
        for (var i = 0; i < MaxPresses; i++)
        {
            if (backwards)
            {
                new Actions(driver).KeyDown(Keys.Shift).SendKeys(Keys.Tab).KeyUp(Keys.Shift).Perform();
            }
            else
            {
                Press(Keys.Tab);
            }

            var stop = Focused;
            if (!stop.Ring && stop.Tag != "BODY")
            {
                _withoutRing.Add(stop.ToString());
            }

            if (isTarget(stop))
            {
                return stop;
            }
        }

        throw new Xunit.Sdk.XunitException($"{what} was not reached with {(backwards ? "Shift+Tab" : "Tab")} in {MaxPresses} presses");
    }

    /// <summary>Tabs to the question with this linkId: its radio group, or its text box.</summary>
    public Stop TabToQuestion(string linkId, bool backwards = false) =>
        TabTo(s => s.Name == $"radiogroup_{linkId}/1/1" || s.Id == $"{linkId}/1/1", $"the question '{linkId}'", backwards);

    /// <summary>Answers the radio question with this linkId: Tab into its group, then the arrow keys (which check the answer they move to), or Space on the answer first focused.</summary>
    public void PickRadio(string linkId, string answer)
    {
        var stop = TabToQuestion(linkId);
        stop.Type.Should().Be("radio", $"'{linkId}' is answered with radio buttons");
        if (stop.Label == answer)
        {
            Press(Keys.Space);
        }

        for (var i = 0; i < 20 && Focused.Label != answer; i++)
        {
            Press(Keys.ArrowDown);
        }

        // LHC-Forms (Angular) checks the radio button in its next change detection, not in the key event.
        Settled(s => s.Checked).Should().Match<Stop>(s => s.Label == answer && s.Checked, $"'{answer}' is picked in '{linkId}' with the arrow keys");
    }

    /// <summary>Tabs to the check box labelled <paramref name="answer"/> and presses Space.</summary>
    public void Tick(string answer)
    {
        TabTo(s => s.Type == "checkbox" && s.Label == answer, $"the check box '{answer}'");
        var before = Focused.Checked;
        Press(Keys.Space);
        Settled(s => s.Checked != before).Checked.Should().Be(!before, $"Space toggles '{answer}'");
    }

    /// <summary>The focused element once <paramref name="settled"/> holds, or after a second.</summary>
    public Stop Settled(Func<Stop, bool> settled)
    {
        var stop = Focused;
        for (var i = 0; i < 20 && !settled(stop); i++)
        {
            Thread.Sleep(50);
            stop = Focused;
        }

        return stop;
    }

    /// <summary>Tabs to the text box of the question with this linkId and types the text over what it holds.</summary>
    public void TypeInto(string linkId, string text, bool backwards = false)
    {
        var stop = TabToQuestion(linkId, backwards);
        stop.Type.Should().Be("text", $"'{linkId}' is answered by typing");
        new Actions(driver).KeyDown(Keys.Control).SendKeys("a").KeyUp(Keys.Control).SendKeys(Keys.Delete).SendKeys(text).Perform();
    }

    /// <summary>One element that had the focus.</summary>
    public sealed record Stop(string Tag, string Id, string Type, string Name, bool Checked, string Label, bool Ring)
    {
        public override string ToString() => $"{Tag.ToLowerInvariant()}{(Id.Length > 0 ? "#" + Id : "")}{(Type.Length > 0 ? $" [{Type}]" : "")} '{Label}'";
    }
}
