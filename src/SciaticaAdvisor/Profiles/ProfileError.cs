namespace SciaticaAdvisor.Profiles;

/// <summary>One thing wrong with a profile.</summary>
/// <param name="Path">A JSON path into the input: <c>$.painIntensity</c>, <c>$.symptoms[2]</c>, or <c>$</c> for the whole document.</param>
/// <param name="Message">What was wrong and what is allowed.</param>
public sealed record ProfileError(string Path, string Message)
{
    /// <summary>Formats the error as <c>path: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => $"{Path}: {Message}";
}
