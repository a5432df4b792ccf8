using System.Collections.Immutable;

namespace SciaticaAdvisor.Studies;

/// <summary>A study cannot run as written: every error found, each with its file, line and column.</summary>
public sealed class StudyException : Exception
{
    /// <summary>Creates the exception from the errors found.</summary>
    /// <param name="errors">The errors, at least one.</param>
    public StudyException(ImmutableArray<StudyError> errors)
        : base(errors.IsDefaultOrEmpty ? "the study is not valid" : errors[0].ToString())
    {
        Errors = errors.IsDefault ? [] : errors;
    }

    /// <summary>Every error, in file order.</summary>
    public ImmutableArray<StudyError> Errors { get; }
}
