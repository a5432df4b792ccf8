namespace SciaticaAdvisor.Populations;

/// <summary>
/// Splits JSON Lines into one item a line, as the contract reads them: a byte-order mark at the start
/// and CRLF line ends are accepted, the newline ending the last line makes no extra line, a last line
/// without one is read, blank lines and lines over 1 MiB are rejected without being parsed.
/// </summary>
/// <remarks>Reads in fixed blocks and never holds more than one line, so memory stays flat whatever the file's size.</remarks>
internal sealed class JsonLinesReader(Stream input)
{
    public const int MaxLineBytes = 1024 * 1024;

    private const int BlockBytes = 1 << 16;

    public IEnumerable<BatchItem> ReadItems()
    {
        var block = new byte[BlockBytes];
        var line = new MemoryStream();
        var lineNumber = 1;
        var lineLength = 0L;
        var pending = false;
        int read;
        while ((read = input.Read(block, 0, block.Length)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                pending = true;
                var end = Array.IndexOf(block, (byte)'\n', start, read - start);
                var pieceLength = (end < 0 ? read : end) - start;

                // One byte over the limit is kept so a CR before the LF can still be told apart.
                if (lineLength + pieceLength <= MaxLineBytes + 1)
                {
                    line.Write(block, start, pieceLength);
                }

                lineLength += pieceLength;
                if (end < 0)
                {
                    break;
                }

                yield return Finish(line, lineLength, lineNumber++);
                line.SetLength(0);
                lineLength = 0;
                pending = false;
                start = end + 1;
            }
        }

        if (pending)
        {
            yield return Finish(line, lineLength, lineNumber);
        }
    }

    private static BatchItem Finish(MemoryStream line, long length, int number)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (number == 1 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
            length -= 3;
        }

        if (bytes.EndsWith("\r"u8))
        {
            bytes = bytes[..^1];
            length--;
        }

        if (length > MaxLineBytes)
        {
            return BatchItem.Rejected(number, $"line longer than 1 MiB ({MaxLineBytes} bytes); not read");
        }

        return bytes.TrimStart(" \t"u8).IsEmpty
            ? BatchItem.Rejected(number, "empty line")
            : BatchItem.Document(number, bytes.ToArray());
    }
}
