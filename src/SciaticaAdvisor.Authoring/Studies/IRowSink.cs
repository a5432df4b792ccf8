namespace SciaticaAdvisor.Studies;

/// <summary>Where a study's rows go, in order, from one thread.</summary>
internal interface IRowSink : IAsyncDisposable
{
    /// <summary>Whether the sink writes from the blocks' typed columns (<see cref="RowBlock.Columns"/>), which the advising threads then fill.</summary>
    bool TakesColumns { get; }

    /// <summary>Writes a block's rows; the block may be reused as soon as the call returns.</summary>
    ValueTask WriteAsync(RowBlock block, CancellationToken cancellationToken);

    /// <summary>Writes what is buffered and the file's footer; the file is complete after it.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
