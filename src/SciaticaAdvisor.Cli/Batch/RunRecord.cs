using System.Buffers.Binary;
using System.IO.Hashing;
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
/// XxHash128 of those input lines, the rule set, and the length and XxHash128 of the output that answers them.
/// </summary>
/// <remarks>
/// <para>
/// It is saved after the output it describes is flushed, so the output always holds at least what
/// the record says; lines past it (a run killed between the two) are dropped and answered again.
/// </para>
/// <para>
/// Why a non-cryptographic hash: the record guards against mistakes (another input, an output
/// edited, cut or damaged, another rule set), not against someone who can write the output, who can
/// rewrite the record beside it just as well, since it is neither keyed nor signed. Against accidents
/// a 128-bit hash is as good as SHA-256 (two different outputs agree by chance with odds of 2^-128),
/// and it is several times faster: the record hashes every output byte (4.4 GB for a million
/// profiles), and SHA-256 on the writer thread cost about 4.6% of the run's CPU (docs/performance.md).
/// Format 1 (SHA-256, written before 2026-12-01) is still read: its hashes are checked with
/// SHA-256, and the run goes on writing format 2. The rule set stays named by its SHA-256, which
/// is what <c>rules hash</c> and the run record of a study print.
/// </para>
/// </remarks>
internal sealed class RunRecord
{
    public const string Suffix = ".resume";
    private const int Format = 2;

    /// <summary>The first format, with SHA-256 hashes: still read, so a run interrupted before an upgrade can go on.</summary>
    private const int Sha256Format = 1;

    private static readonly TimeSpan SaveEvery = TimeSpan.FromMilliseconds(500);

    private readonly string _recordPath;
    private readonly string _ruleSet;
    private readonly XxHash128 _output = new();
    private readonly System.Diagnostics.Stopwatch _sinceSave = System.Diagnostics.Stopwatch.StartNew();
    private byte[] _inputDigest;

    private RunRecord(string outputPath, RuleSetInfo ruleSet)
    {
        _recordPath = outputPath + Suffix;
        _ruleSet = Describe(ruleSet);
        _inputDigest = Input.GetCurrentHash();
    }

    /// <summary>The digest of the input items answered or being answered; the pipeline feeds it in input order.</summary>
    public XxHash128 Input { get; } = new();

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
    public static void Add(XxHash128 digest, BatchItem item)
    {
        Span<byte> head = stackalloc byte[9];
        var content = Head(item, head);
        digest.Append(head);
        digest.Append(content);
    }

    /// <summary>The same bytes as <see cref="Add(XxHash128, BatchItem)"/>, into a SHA-256, to check a record of format 1.</summary>
    private static void Add(IncrementalHash digest, BatchItem item)
    {
        Span<byte> head = stackalloc byte[9];
        var content = Head(item, head);
        digest.AppendData(head);
        digest.AppendData(content);
    }

    /// <summary>Writes an item's 9-byte head (line, document or not, length) and returns the bytes that follow it.</summary>
    private static byte[] Head(BatchItem item, Span<byte> head)
    {
        var content = item.IsDocument ? item.Json : Encoding.UTF8.GetBytes(item.Problem);
        BinaryPrimitives.WriteInt32LittleEndian(head, item.Line);
        head[4] = item.IsDocument ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(head[5..], content.Length);
        return content;
    }

    /// <summary>Counts a chunk of answers written to the output, and saves the record now and then.</summary>
    /// <param name="chunk">The answers just written.</param>
    /// <param name="flush">Flushes the output, so the record never claims more than the file holds.</param>
    public async ValueTask AnsweredAsync(AnsweredChunk chunk, Func<Task> flush)
    {
        _output.Append(chunk.Lines.Span);
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
            json.WriteString("inputXxHash128", Convert.ToHexStringLower(_inputDigest));
            json.WriteNumber("outputBytes", OutputBytes);
            json.WriteString("outputXxHash128", Convert.ToHexStringLower(_output.GetCurrentHash()));
            json.WriteEndObject();
        }

        File.Move(temporary, _recordPath, overwrite: true);
    }

    private void CheckOutput(string outputPath, Saved saved)
    {
        var shown = Quote.Escape(outputPath);
        using var stream = new FileStream(outputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var buffer = new byte[1 << 16];
        using var sha256 = saved.Format == Sha256Format ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        long left = saved.OutputBytes;
        var lines = 0;
        while (left > 0)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw Refuse($"'{shown}' is shorter than the {saved.Lines} answer lines recorded for it: it was changed after the run");
            }

            // The kept output goes into this run's digest in every case: the records it saves from here on describe the whole file.
            _output.Append(buffer.AsSpan(0, read));
            sha256?.AppendData(buffer, 0, read);
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            left -= read;
        }

        var digest = sha256?.GetCurrentHash() ?? _output.GetCurrentHash();
        if (lines != saved.Lines || Convert.ToHexStringLower(digest) != saved.OutputDigest)
        {
            throw Refuse($"the first {saved.Lines} answer lines of '{shown}' are not those the run wrote: the file was changed after it");
        }

        Lines = saved.Lines;
        OutputBytes = saved.OutputBytes;
    }

    private void SkipInput(IEnumerator<BatchItem> items, Saved saved)
    {
        using var sha256 = saved.Format == Sha256Format ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        for (var i = 0; i < saved.Lines; i++)
        {
            if (!items.MoveNext())
            {
                throw Refuse($"the input has only {i} lines, fewer than the {saved.Lines} already answered: it is not the input of the run being resumed");
            }

            Add(Input, items.Current);
            if (sha256 is not null)
            {
                Add(sha256, items.Current);
            }
        }

        _inputDigest = Input.GetCurrentHash();
        if (Convert.ToHexStringLower(sha256?.GetCurrentHash() ?? _inputDigest) != saved.InputDigest)
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
            var format = root.GetProperty("format").GetInt32();
            if (format is not (Format or Sha256Format))
            {
                throw Refuse($"the record '{Quote.Escape(path)}' was written by another version of the tool (record format {format}; this one reads {Sha256Format} and {Format})");
            }

            var hash = format == Sha256Format ? "Sha256" : "XxHash128";
            var saved = new Saved(
                format,
                root.GetProperty("ruleSet").GetString()!,
                root.GetProperty("lines").GetInt32(),
                root.GetProperty("input" + hash).GetString()!,
                root.GetProperty("outputBytes").GetInt64(),
                root.GetProperty("output" + hash).GetString()!);
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

    // InputDigest and OutputDigest are lower-case hex: XxHash128, or SHA-256 in format 1.
    private sealed record Saved(int Format, string RuleSet, int Lines, string InputDigest, long OutputBytes, string OutputDigest);
}
