namespace SciaticaAdvisor.Studies;

/// <summary>Where a study's rows go, in order, from one thread.</summary>
internal interface IRowSink : IAsyncDisposable
{
    ValueTask WriteAsync(IReadOnlyList<StudyRow> rows, CancellationToken cancellationToken);

    /// <summary>Writes what is buffered and the file's footer; the file is complete after it.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
