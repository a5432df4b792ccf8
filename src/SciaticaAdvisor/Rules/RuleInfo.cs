namespace SciaticaAdvisor.Rules;

/// <summary>What a loaded rule is: its id, name, the guidance item it implements and the file it came from.</summary>
/// <param name="Id">The rule's stable kebab-case id.</param>
/// <param name="Name">The rule's human-readable name.</param>
/// <param name="Guidance">The guidance item it implements, such as <c>G3.1</c>.</param>
/// <param name="Source">The rule file it came from.</param>
public sealed record RuleInfo(string Id, string Name, string Guidance, string Source);
