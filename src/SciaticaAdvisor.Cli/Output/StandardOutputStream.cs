namespace SciaticaAdvisor.Cli.Output;

/// <summary>
/// Standard output as the tool writes it: a write that fails (a full disk, an I/O error) becomes an
/// <see cref="OutputWriteException"/> the command line reports with exit 2; a reader that went away
/// (<c>| head</c>, EPIPE) is the one failure that stays quiet.
/// </summary>
internal sealed class StandardOutputStream(Stream inner) : Stream
{
    /// <summary>EPIPE on Linux and macOS: .NET puts the raw errno of a failed write in the exception's HResult.</summary>
    private const int BrokenPipe = 32;

    private bool _readerGone;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static bool IsBrokenPipe(IOException ex) => ex.HResult == BrokenPipe;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_readerGone)
        {
            return;
        }

        try
        {
            inner.Write(buffer);
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_readerGone)
        {
            return;
        }

        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => Guard(inner.Flush);

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_readerGone)
        {
            return;
        }

        try
        {
            await inner.FlushAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            catch (IOException)
            {
                // Closing flushes what the failed write left in the inner stream's buffer; that failure is already reported.
            }
        }

        base.Dispose(disposing);
    }

    private void Guard(Action write)
    {
        if (_readerGone)
        {
            return;
        }

        try
        {
            write();
        }
        catch (IOException ex)
        {
            Fail(ex);
        }
    }

    private void Fail(IOException ex)
    {
        if (IsBrokenPipe(ex))
        {
            // Nobody reads any more: the rest of the output has nowhere to go, and that is not an error.
            _readerGone = true;
            return;
        }

        throw new OutputWriteException(ex);
    }
}

/// <summary>Standard output cannot be written (ENOSPC, EIO): exit 2 with the reason, never a quiet exit 0.</summary>
internal sealed class OutputWriteException(IOException reason) : IOException(reason.Message, reason);
