using System.Text;

namespace SciaticaAdvisor.Populations;

/// <summary>
/// Reads RFC 4180 CSV record by record: cells in double quotes may hold commas, quotes written twice
/// and line ends; CRLF and LF both end a record; the line end after the last record makes no extra one.
/// </summary>
/// <remarks>
/// Hand-written rather than CsvHelper's parser, though that would give each record's start line too
/// (<c>Parser.RawRow</c>): <c>batch</c> answers every record, the broken ones included, and reads on.
/// Here an unterminated quote or a record over 1 MiB becomes that record's answer, and memory is
/// bounded per record while reading; CsvHelper's bound (<c>MaxFieldSize</c>) is per field and throws
/// <c>MaxFieldSizeException</c>, which ends the read. CsvHelper is used where it fits: writing a
/// study's rows (<c>Studies/CsvSink.cs</c>).
/// </remarks>
internal sealed class CsvRecordReader(TextReader input)
{
    public const int MaxRecordChars = 1024 * 1024;

    private readonly char[] _block = new char[1 << 16];
    private int _position;
    private int _length;
    private int _line = 1;

    public IEnumerable<CsvRecord> ReadRecords()
    {
        while (Peek() >= 0)
        {
            yield return ReadRecord();
        }
    }

    private CsvRecord ReadRecord()
    {
        var start = _line;
        var cells = new List<string>();
        var cell = new StringBuilder();
        var size = 0;
        string? problem = null;
        while (true)
        {
            var c = Next();
            if (c == '"' && cell.Length == 0)
            {
                problem ??= ReadQuoted(cell, ref size);
                continue;
            }

            if (c is -1 or '\n' || (c == '\r' && Peek() is '\n' or -1))
            {
                if (c == '\r')
                {
                    Next();
                }

                cells.Add(cell.ToString());
                break;
            }

            if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
                continue;
            }

            if (++size <= MaxRecordChars)
            {
                cell.Append((char)c);
            }
        }

        if (size > MaxRecordChars)
        {
            return new CsvRecord(start, [], $"record longer than 1 MiB ({MaxRecordChars} characters); not read");
        }

        return new CsvRecord(start, cells, problem);
    }

    /// <summary>Reads a quoted cell after its opening quote; returns what is wrong with it, if anything.</summary>
    private string? ReadQuoted(StringBuilder cell, ref int size)
    {
        while (true)
        {
            var c = Next();
            if (c == -1)
            {
                return "a quoted cell is not closed before the end of the file";
            }

            if (c == '"')
            {
                if (Peek() != '"')
                {
                    return Peek() is ',' or '\r' or '\n' or -1 ? null : "a quoted cell must end at a comma or the end of the line";
                }

                Next();
            }

            if (++size <= MaxRecordChars)
            {
                cell.Append((char)c);
            }
        }
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = input.Read(_block, 0, _block.Length);
            _position = 0;
            if (_length == 0)
            {
                return -1;
            }
        }

        return _block[_position];
    }

    private int Next()
    {
        var c = Peek();
        if (c >= 0)
        {
            _position++;
            if (c == '\n')
            {
                _line++;
            }
        }

        return c;
    }
}
