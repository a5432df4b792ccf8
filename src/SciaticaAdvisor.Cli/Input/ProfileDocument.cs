using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Cli.Input;

/// <summary>Reads and validates the one profile a command works on; an invalid one ends the command with exit 2 and its errors.</summary>
internal static class ProfileDocument
{
    /// <summary>Reads the file, or standard input when the path is absent or <c>-</c>.</summary>
    /// <exception cref="CommandFailure">The file cannot be read or the profile is not valid: each error as <c>path: message</c>.</exception>
    public static SymptomProfile Read(CliContext context, string? path)
    {
        var json = path is null or "-" ? ProfileInput.ReadStandardInput(context.In) : ProfileInput.ReadFile(path);
        var read = ProfileReader.TryRead(json);
        if (!read.IsValid)
        {
            throw new CommandFailure(ExitCodes.Invalid, [.. read.Errors.Select(e => e.ToString())]);
        }

        return read.Profile;
    }
}
