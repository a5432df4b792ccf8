using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Contract;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// The text cells of one run that repeat, each kept once: a set field's text (a few thousand sets at
/// most) and the recommended styles in rank order (a few hundred orders). A row group then refers to
/// strings that live as long as the run, rather than to a string of its own a row.
/// </summary>
/// <remarks>Thread-safe: the advising threads share it. Bounded: past <see cref="MaxEntries"/> texts of a kind, a text is made for its row alone.</remarks>
internal sealed class StudyTexts
{
    public const int MaxEntries = 1 << 16;

    // A style order as a number: each style's value plus one, a digit a place in this base, so every order has its own key.
    private static readonly int StyleBase = Enum.GetValues<MassageStyle>().Max(s => (int)s) + 2;

    private static readonly int MaxKeyedStyles = (int)Math.Floor(62 / Math.Log2(StyleBase));

    // A choice's text by value, and a set member's bit by value: built once from ProfileText, so the texts are its own.
    private static readonly FrozenDictionary<Enum, string>?[] ChoiceTexts = [.. ProfileFields.All.Select(f => f.Kind == ProfileFieldKind.Choice ? Values(f).ToFrozenDictionary(e => e, e => ProfileText.Format(f, e)!) : null)];

    private static readonly FrozenDictionary<Enum, long>?[] MemberBits = [.. ProfileFields.All.Select(f => f.Kind == ProfileFieldKind.Set && Values(f).Count() < 64 ? Values(f).Select((e, i) => (e, i)).ToFrozenDictionary(m => m.e, m => 1L << m.i) : null)];

    private readonly ConcurrentDictionary<long, string>[] _sets = [.. ProfileFields.All.Select(_ => new ConcurrentDictionary<long, string>())];
    private readonly ConcurrentDictionary<long, string> _styles = new();

    /// <summary>A profile field's value as text (<see cref="ProfileText"/>), or <see langword="null"/> when not given.</summary>
    /// <remarks>A choice and a set are looked up by value (a set by its members' bits) rather than formatted a row at a time.</remarks>
    public string? Field(ProfileField field, int fieldIndex, SymptomProfile profile)
    {
        var value = field.GetValue(profile);
        if (ChoiceTexts[fieldIndex] is { } choices && value is Enum choice && choices.TryGetValue(choice, out var code))
        {
            return code;
        }

        if (field.Kind != ProfileFieldKind.Set || MemberBits[fieldIndex] is not { } bits || value is not IEnumerable members)
        {
            return ProfileText.Format(field, value);
        }

        if (value is ICollection { Count: 0 })
        {
            return "";
        }

        var mask = 0L;
        foreach (var member in members)
        {
            if (member is not Enum e || !bits.TryGetValue(e, out var bit))
            {
                return ProfileText.Format(field, value);
            }

            mask |= bit;
        }

        var known = _sets[fieldIndex];
        if (known.TryGetValue(mask, out var kept))
        {
            return kept;
        }

        var text = ProfileText.Format(field, value)!;
        return known.Count < MaxEntries ? known.GetOrAdd(mask, text) : text;
    }

    private static IEnumerable<Enum> Values(ProfileField field) => Enum.GetValues(field.EnumType!).Cast<Enum>();

    /// <summary>The styles in rank order, joined with <c>;</c>.</summary>
    public string Styles(ImmutableArray<StyleAdvice> styles)
    {
        if (styles.IsEmpty)
        {
            return "";
        }

        if (styles.Length == 1)
        {
            return ContractNames.NameOf(styles[0].Style);
        }

        if (styles.Length > MaxKeyedStyles)
        {
            return Joined(styles);
        }

        var key = 0L;
        foreach (var style in styles)
        {
            key = (key * StyleBase) + (int)style.Style + 1;
        }

        if (_styles.TryGetValue(key, out var text))
        {
            return text;
        }

        text = Joined(styles);
        return _styles.Count < MaxEntries ? _styles.GetOrAdd(key, text) : text;
    }

    private static string Joined(ImmutableArray<StyleAdvice> styles) => string.Join(";", styles.Select(s => ContractNames.NameOf(s.Style)));
}
