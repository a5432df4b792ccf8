using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using SciaticaAdvisor.Advice;
using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;
using SciaticaAdvisor.Serialization;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>The output line that answers one input line: the advice, or the error object.</summary>
/// <param name="Json">The line's JSON, without its line end.</param>
/// <param name="Status">The advice's status, or <see langword="null"/> for an error object.</param>
internal readonly record struct BatchAnswer(string Json, AdviceStatus? Status)
{
    // Error messages quote the input ('acut'); the relaxed encoder keeps them readable, and the
    // output is JSON Lines, never embedded in HTML.
    private static readonly JsonWriterOptions ErrorWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static BatchAnswer For(BatchItem item, IProfileAdvisor advisor)
    {
        if (!item.IsDocument)
        {
            return Errors(item.Line, [new ProfileError("$", item.Problem)]);
        }

        var read = ProfileReader.TryRead(item.Json);
        if (!read.IsValid)
        {
            return Errors(item.Line, read.Errors);
        }

        MassageAdvice advice;
        try
        {
            advice = advisor.Advise(read.Profile);
        }
        catch (RuleSetFaultException ex)
        {
            throw new CommandFailure(ExitCodes.Fault, $"sciatica-advisor: fault on line {item.Line}: {ex.Message}");
        }

        return new BatchAnswer(AdvisorJson.Serialize(advice), advice.Status);
    }

    /// <summary>Writes <c>{"line":N,"errors":[{"path":..,"message":..}]}</c>.</summary>
    public static BatchAnswer Errors(int line, IEnumerable<ProfileError> errors)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, ErrorWriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", line);
            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("path", error.Path);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return new BatchAnswer(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), null);
    }
}
