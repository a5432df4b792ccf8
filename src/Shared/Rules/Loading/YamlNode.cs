namespace SciaticaAdvisor.Rules.Loading;

/// <summary>A node of a rule file's YAML, with its position: a small tree of our own so the loader never recurses on hostile input.</summary>
internal abstract record YamlNode(int Line, int Column);

/// <summary>A scalar; <see cref="Plain"/> is false for quoted and block scalars, which are always text.</summary>
internal sealed record YamlScalar(string Value, bool Plain, int Line, int Column) : YamlNode(Line, Column)
{
    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>A sequence.</summary>
internal sealed record YamlSequence(List<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A mapping with scalar keys, in file order.</summary>
internal sealed record YamlMapping(List<KeyValuePair<YamlScalar, YamlNode>> Entries, int Line, int Column) : YamlNode(Line, Column);
