using System.Text.Json;

namespace SciaticaAdvisor.Profiles;

/// <summary>
/// Reads a profile from UTF-8 JSON token by token, strictly: unknown or repeated properties, wrong
/// types, unknown enum names, repeated set values and numbers that are not plain integers are errors.
/// </summary>
/// <remarks>
/// A hand-written walker rather than the serializer, because the contract asks for every error at
/// once, each with its JSON path, and the serializer stops at the first.
/// </remarks>
internal ref struct ProfileJsonWalker
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    private Utf8JsonReader _reader;
    private readonly ProfileDraft _draft;
    private readonly List<ProfileError> _errors;

    private ProfileJsonWalker(ReadOnlySpan<byte> utf8Json, ProfileDraft draft, List<ProfileError> errors)
    {
        _reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        _draft = draft;
        _errors = errors;
    }

    /// <summary>Walks the document into <paramref name="draft"/>; returns false on a syntax error, which ends the walk.</summary>
    public static bool Walk(ReadOnlySpan<byte> utf8Json, ProfileDraft draft, List<ProfileError> errors)
    {
        // The reader throws on an empty document with a message about its own options; say it plainly.
        if (utf8Json.Trim(" \t\r\n"u8).IsEmpty)
        {
            errors.Add(new ProfileError(JsonPath.Root, "the document is empty; expected a JSON object"));
            return false;
        }

        var walker = new ProfileJsonWalker(utf8Json, draft, errors);
        try
        {
            walker.WalkDocument();
            return true;
        }
        catch (JsonException ex)
        {
            errors.Clear();
            errors.Add(new ProfileError(JsonPath.Root, SyntaxMessage(ex)));
            return false;
        }
    }

    private void WalkDocument()
    {
        _reader.Read();
        if (_reader.TokenType != JsonTokenType.StartObject)
        {
            Error(JsonPath.Root, $"must be a JSON object, was {Describe(_reader.TokenType)}");
            _reader.Skip();
        }
        else
        {
            WalkProperties();
        }

        // Anything after the root value is a syntax error, which the reader throws.
        _reader.Read();
    }

    private void WalkProperties()
    {
        var seen = 0;
        HashSet<string>? seenUnknown = null;
        while (_reader.Read() && _reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = ProfileProperties.Match(ref _reader);
            var name = index >= 0 ? ProfileProperties.Names[index] : TryGetString();
            _reader.Read();
            if (name is null)
            {
                Error(JsonPath.Root, "a property name is not valid UTF-8; expected one of " + ProfileProperties.Expected);
                _reader.Skip();
                continue;
            }

            if (index < 0)
            {
                var path = JsonPath.Property(name);
                Error(path, (seenUnknown ??= new(StringComparer.Ordinal)).Add(name)
                    ? $"unknown property {Quote.Value(name)}; expected one of {ProfileProperties.Expected}"
                    : "property given twice; each property may appear once");
                _reader.Skip();
                continue;
            }

            if ((seen & (1 << index)) != 0)
            {
                Error(JsonPath.Property(name), "property given twice; each property may appear once");
                _reader.Skip();
                continue;
            }

            seen |= 1 << index;
            WalkValue(ProfileFields.All[index]);
        }

        foreach (var required in ProfileProperties.Required)
        {
            if ((seen & (1 << required.Index)) == 0)
            {
                Error(required.Path, $"is required; expected {ProfileProperties.Describe(required)}");
            }
        }
    }

    private void WalkValue(ProfileField field)
    {
        _draft.Values[field] = field.Kind switch
        {
            ProfileFieldKind.Choice => ReadChoice(field),
            ProfileFieldKind.Number => ReadInteger(field.Name, field.IsRequired, field.Minimum!.Value, field.Maximum!.Value),
            ProfileFieldKind.Boolean => ReadBoolean(field.Name) is { } flag ? (flag ? 1 : 0) : null,
            ProfileFieldKind.Set => ReadSet(field),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "a profile field kind the reader does not know"),
        };
    }

    private int? ReadChoice(ProfileField field)
    {
        // Paths and messages are built only for an error: most profiles have none.
        var codes = field.EnumCodes;
        if (_reader.TokenType == JsonTokenType.Null && !field.IsRequired)
        {
            return null;
        }

        if (_reader.TokenType != JsonTokenType.String)
        {
            Error(field.Path, $"must be one of {codes.Expected}, was {Describe(_reader.TokenType)}");
            _reader.Skip();
            return null;
        }

        if (codes.TryMatch(ref _reader, out var value))
        {
            return value;
        }

        Error(field.Path, $"unknown value {QuoteString()}; expected one of {codes.Expected}");
        return null;
    }

    private int? ReadInteger(string name, bool required, int min, int max)
    {
        if (_reader.TokenType == JsonTokenType.Null && !required)
        {
            return null;
        }

        var isNumber = _reader.TokenType == JsonTokenType.Number;
        var raw = isNumber ? _reader.ValueSpan : default;
        var isInteger = isNumber && raw.IndexOfAny(".eE"u8) < 0;
        if (isInteger && _reader.TryGetInt32(out var value))
        {
            return value;
        }

        var path = JsonPath.Property(name);
        var allowed = $"an integer between {min} and {max}";
        if (!isNumber)
        {
            Error(path, $"must be {allowed}, was {Describe(_reader.TokenType)}");
            _reader.Skip();
        }
        else if (!isInteger)
        {
            Error(path, $"must be {allowed} written without a fraction or exponent, was {Quote.Truncate(System.Text.Encoding.UTF8.GetString(raw))}");
        }
        else
        {
            Error(path, ProfileMessages.Between(min, max, Quote.Truncate(System.Text.Encoding.UTF8.GetString(raw))));
        }

        return null;
    }

    private bool? ReadBoolean(string name)
    {
        switch (_reader.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            default:
                Error(JsonPath.Property(name), $"must be true or false, was {Describe(_reader.TokenType)}");
                _reader.Skip();
                return null;
        }
    }

    private int? ReadSet(ProfileField field)
    {
        var codes = field.EnumCodes;
        var name = field.Name;
        if (_reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (_reader.TokenType != JsonTokenType.StartArray)
        {
            Error(field.Path, $"must be an array of distinct values from {codes.Expected}, was {Describe(_reader.TokenType)}");
            _reader.Skip();
            return null;
        }

        var seen = 0;
        var valid = true;
        for (var index = 0; _reader.Read() && _reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (_reader.TokenType != JsonTokenType.String)
            {
                Error(JsonPath.Element(name, index), $"must be one of {codes.Expected}, was {Describe(_reader.TokenType)}");
                _reader.Skip();
                valid = false;
            }
            else if (!codes.TryMatch(ref _reader, out var value))
            {
                Error(JsonPath.Element(name, index), $"unknown value {QuoteString()}; expected one of {codes.Expected}");
                valid = false;
            }
            else if ((seen & (1 << value)) != 0)
            {
                Error(JsonPath.Element(name, index), $"duplicate value '{codes.NameOf(value)}'; each value may appear once");
                valid = false;
            }
            else
            {
                seen |= 1 << value;
            }
        }

        return valid ? seen : null;
    }

    private readonly string QuoteString() =>
        TryGetString() is { } value ? Quote.Value(value) : "(text that is not valid UTF-8)";

    /// <summary>The current string or property name, or null when its bytes are not valid UTF-8.</summary>
    private readonly string? TryGetString()
    {
        try
        {
            return _reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private readonly void Error(string path, string message)
    {
        _errors.Add(new ProfileError(path, message));
        _draft.Report(path);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "something else",
    };

    private static string SyntaxMessage(JsonException ex)
    {
        var detail = ex.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            detail = detail[..cut];
        }

        var line = (ex.LineNumber ?? 0) + 1;
        var column = (ex.BytePositionInLine ?? 0) + 1;
        return $"invalid JSON at line {line}, column {column}: {OneLine(ShortenQuotedInput(detail.Trim()))}";
    }

    /// <summary>
    /// Cuts the input text System.Text.Json quotes in a syntax message short, as every other message
    /// does: for a bad literal (<c>nul,...</c>) it quotes everything up to the end of the input, so an
    /// unbounded stretch of the profile would end up in the error.
    /// </summary>
    private static string ShortenQuotedInput(string detail)
    {
        const int MaxDetail = 200;
        if (detail.Length <= MaxDetail)
        {
            return detail;
        }

        var start = detail.IndexOf('\'', StringComparison.Ordinal);
        var end = detail.LastIndexOf("' is ", StringComparison.Ordinal);
        if (start >= 0 && end > start)
        {
            detail = string.Concat(detail.AsSpan(0, start + 1), Quote.Truncate(detail[(start + 1)..end]), detail.AsSpan(end));
        }

        return detail.Length <= MaxDetail ? detail : string.Concat(detail.AsSpan(0, MaxDetail), "…");
    }

    /// <summary>
    /// The reader's message can quote input across line ends ("'none\n}' is an invalid JSON literal");
    /// errors are printed one a line as <c>path: message</c>, so line ends and other control
    /// characters become spaces.
    /// </summary>
    private static string OneLine(string detail)
    {
        var builder = new System.Text.StringBuilder(detail.Length);
        foreach (var c in detail.AsSpan().Trim())
        {
            if (!char.IsControl(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }

        return builder.ToString();
    }
}
