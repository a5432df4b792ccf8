using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>
/// The small record beside a batch output file (<c>advice.jsonl.resume</c>) that lets <c>--resume</c>
/// prove the kept answers belong to this input and this rule set: how many lines are answered, the
/// SHA-256 of those input lines, the rule set, and the length and SHA-256 of the output that answers them.
/// </summary>
/// <remarks>
/// It is saved after the output it describes is flushed, so the output always holds at least what
/// the record says; lines past it (a run killed between the two) are dropped and answered again.
/// </remarks>
internal sealed class RunRecord : IDisposable
{
    public const string Suffix = ".resume";
    private const int Format = 1;

    private static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(500);

    private readonly string _recordPath;
    private readonly string _ruleSet;
    private readonly IncrementalHash _output = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly System.Diagnostics.Stopwatch _sinceSave = System.Diagnostics.Stopwatch.StartNew();
    private byte[] _inputDigest;

    private RunRecord(string outputPath, RuleSetInfo ruleSet)
    {
        _recordPath = outputPath + Suffix;
        _ruleSet = Describe(ruleSet);
        _inputDigest = Input.GetCurrentHash();
    }

    /// <summary>The digest of the input items answered or being answered; the pipeline feeds it in input order.</summary>
    public IncrementalHash Input { get; } = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>How many input items the output answers.</summary>
    public int Lines { get; private set; }

    /// <summary>How many bytes of the output answer them.</summary>
    public long OutputBytes { get; private set; }

    public string RecordPath => _recordPath;

    /// <summary>A fresh run: any record of an earlier one is removed before the output is truncated.</summary>
    public static RunRecord Start(string outputPath, RuleSetInfo ruleSet)
    {
        File.Delete(outputPath + Suffix);
        return new RunRecord(outputPath, ruleSet);
    }

    /// <summary>
    /// Checks the output and its record against this run and reads past the input items they answer,
    /// or refuses with exit 2 and why; nothing is written or truncated before every check has passed.
    /// </summary>
    /// <param name="outputPath">The output of the run to go on from.</param>
    /// <param name="ruleSet">This run's rule set.</param>
    /// <param name="items">This run's input; on return it stands after the answered items.</param>
    /// <exception cref="CommandFailure">The output does not provably answer this input with this rule set.</exception>
    public static RunRecord Resume(string outputPath, RuleSetInfo ruleSet, IEnumerator<BatchItem> items)
    {
        var record = new RunRecord(outputPath, ruleSet);
        var output = new FileInfo(outputPath);
        var shown = Quote.Escape(outputPath);
        if (!File.Exists(record._recordPath))
        {
            if (!output.Exists || output.Length == 0)
            {
                return record;
            }

            throw Refuse($"'{shown}' has no record of the run that wrote it ('{Quote.Escape(record._recordPath)}' is missing), so its lines cannot be shown to answer this input");
        }

        var saved = Read(record._recordPath);
        if (saved.RuleSet != record._ruleSet)
        {
            throw Refuse($"the answers in '{shown}' were made with another rule set ({Short(saved.RuleSet)}); this run's is {Short(record._ruleSet)}");
        }

        record.CheckOutput(outputPath, saved);
        record.SkipInput(items, saved);
        return record;
    }

    /// <summary>Feeds one input item to a digest: its line number, whether it is a document, and its bytes.</summary>
    public static void Add(IncrementalHash digest, BatchItem item)
    {
        Span<byte> head = stackalloc byte[9];
        var content = item.IsDocument ? item.Json : Encoding.UTF8.GetBytes(item.Problem);
        BinaryPrimitives.WriteInt32LittleEndian(head, item.Line);
        head[4] = item.IsDocument ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(head[5..], content.Length);
        digest.AppendData(head);
        digest.AppendData(content);
    }

    /// <summary>Counts a chunk of answers written to the output, and saves the record now and then.</summary>
    /// <param name="chunk">The answers just written.</param>
    /// <param name="flush">Flushes the output, so the record never claims more than the file holds.</param>
    public async ValueTask AnsweredAsync(AnsweredChunk chunk, Func<Task> flush)
    {
        _output.AppendData(chunk.Lines.Span);
        OutputBytes += chunk.Lines.Length;
        Lines += chunk.Items;
        _inputDigest = chunk.InputDigest ?? _inputDigest;
        if (_sinceSave.Elapsed >= SaveEvery)
        {
            await flush();
            Save();
        }
    }

    /// <summary>Writes the record: to a temporary file first, then renamed over the old one, so it is never half-written.</summary>
    /// <exception cref="CommandFailure">The record cannot be written: exit 2, naming it.</exception>
    public void Save()
    {
        try
        {
            Write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailure(ExitCodes.Invalid, $"sciatica-advisor: cannot write the run's record '{Quote.Escape(_recordPath)}': {ex.Message}");
        }

        _sinceSave.Restart();
    }

    public void Dispose()
    {
        _output.Dispose();
        Input.Dispose();
    }

    private void Write()
    {
        var temporary = _recordPath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        using (var json = new Utf8JsonWriter(file))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("ruleSet", _ruleSet);
            json.WriteNumber("lines", Lines);
            json.WriteString("inputSha256", Convert.ToHexStringLower(_inputDigest));
            json.WriteNumber("outputBytes", OutputBytes);
            json.WriteString("outputSha256", Convert.ToHexStringLower(_output.GetCurrentHash()));
            json.WriteEndObject();
        }

        File.Move(temporary, _recordPath, overwrite: true);
    }

    private void CheckOutput(string outputPath, Saved saved)
    {
        var shown = Quote.Escape(outputPath);
        using var stream = new FileStream(outputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var buffer = new byte[1 << 16];
        long left = saved.OutputBytes;
        var lines = 0;
        while (left > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw Refuse($"'{shown}' is shorter than the {saved.Lines} answer lines recorded for it: it was changed after the run");
            }

            _output.AppendData(buffer, 0, read);
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            left -= read;
        }

        if (lines != saved.Lines || Convert.ToHexStringLower(_output.GetCurrentHash()) != saved.OutputSha256)
        {
            throw Refuse($"the first {saved.Lines} answer lines of '{shown}' are not those the run wrote: the file was changed after it");
        }

        Lines = saved.Lines;
        OutputBytes = saved.OutputBytes;
    }

    private void SkipInput(IEnumerator<BatchItem> items, Saved saved)
    {
        for (var i = 0; i < saved.Lines; i++)
        {
            if (!items.MoveNext())
            {
                throw Refuse($"the input has only {i} lines, fewer than the {saved.Lines} already answered: it is not the input of the run being resumed");
            }

            Add(Input, items.Current);
        }

        _inputDigest = Input.GetCurrentHash();
        if (Convert.ToHexStringLower(_inputDigest) != saved.InputSha256)
        {
            throw Refuse($"the first {saved.Lines} lines of the input are not those of the run being resumed");
        }
    }

    private static Saved Read(string path)
    {
        try
        {
            // The record is a few hundred bytes; anything much larger is not one.
            var bytes = Files.BoundedFile.ReadBytes(path, 4096, "record");
            if (bytes.Bytes is null)
            {
                throw Refuse($"the record '{Quote.Escape(path)}' cannot be read: {bytes.Problem}");
            }

            using var json = JsonDocument.Parse(bytes.Bytes);
            var root = json.RootElement;
            if (root.GetProperty("format").GetInt32() != Format)
            {
                throw Refuse($"the record '{Quote.Escape(path)}' was written by another version of the tool");
            }

            var saved = new Saved(
                root.GetProperty("ruleSet").GetString()!,
                root.GetProperty("lines").GetInt32(),
                root.GetProperty("inputSha256").GetString()!,
                root.GetProperty("outputBytes").GetInt64(),
                root.GetProperty("outputSha256").GetString()!);
            return saved.Lines < 0 || saved.OutputBytes < 0
                ? throw Refuse($"the record '{Quote.Escape(path)}' is damaged")
                : saved;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Refuse($"the record '{Quote.Escape(path)}' is damaged");
        }
    }

    private static string Describe(RuleSetInfo ruleSet) =>
        ruleSet.Layers is { } layers ? string.Join('+', layers.Select(l => l.Sha256)) : ruleSet.Sha256;

    private static string Short(string ruleSet) =>
        string.Join('+', ruleSet.Split('+').Select(s => "sha256 " + s[..Math.Min(12, s.Length)] + "…"));

    private static CommandFailure Refuse(string why) => new(
        ExitCodes.Invalid,
        $"sciatica-advisor: --resume refused: {why}",
        "sciatica-advisor: run without --resume to answer the whole input again");

    private sealed record Saved(string RuleSet, int Lines, string InputSha256, long OutputBytes, string OutputSha256);
}
