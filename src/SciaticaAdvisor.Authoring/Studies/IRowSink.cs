namespace SciaticaAdvisor.Studies;

/// <summary>Where a study's rows go, in order, from one thread.</summary>
internal interface IRowSink : IAsyncDisposable
{
    /// <summary>Writes a block's rows from its typed columns (<see cref="RowBlock.Columns"/>); the block may be reused as soon as the call returns.</summary>
    ValueTask WriteAsync(RowBlock block, CancellationToken cancellationToken);

    /// <summary>Writes what is buffered and the file's footer; the file is complete after it.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
