using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Studies;

/// <summary>
/// Every combination of a grid's values, plus the fixed ones, as profiles: the index counts through
/// the combinations with the first factor of the study file changing slowest, as nested loops would.
/// </summary>
/// <remarks>
/// Each combination is written as the contract's JSON and read with <see cref="ProfileReader"/>, so
/// a grid is validated by the same code as any profile document.
/// </remarks>
internal sealed class GridPopulation(ImmutableArray<GridFactor> factors, ImmutableArray<GridValue> fixedValues, string source, int line, int column)
    : StudyPopulation
{
    public ImmutableArray<GridFactor> Factors { get; } = factors;

    public override string Kind => "grid";

    public override long? Count => Factors.Aggregate(1L, (n, f) => n * f.Values.Length);

    public override IEnumerable<PopulationMember> Read(Action<StudyError> invalid, CancellationToken cancellationToken)
    {
        var count = Count!.Value;
        var buffer = new ArrayBufferWriter<byte>(512);
        for (var index = 0L; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = Read(index, buffer);
            if (read.IsValid)
            {
                yield return new PopulationMember(index, read.Profile);
            }
            else
            {
                invalid(Problem(index, read.Errors));
            }
        }
    }

    /// <summary>The value index of each factor in the combination with this index.</summary>
    public int[] Digits(long index)
    {
        var digits = new int[Factors.Length];
        Digits(index, digits);
        return digits;
    }

    /// <summary>Writes the combination's value index of each factor into <paramref name="digits"/>.</summary>
    public void Digits(long index, Span<int> digits)
    {
        for (var f = Factors.Length - 1; f >= 0; f--)
        {
            var radix = Factors[f].Values.Length;
            digits[f] = (int)(index % radix);
            index /= radix;
        }
    }

    /// <summary>How far the index moves when factor <paramref name="factor"/> moves by one value.</summary>
    public long Stride(int factor)
    {
        var stride = 1L;
        for (var f = Factors.Length - 1; f > factor; f--)
        {
            stride *= Factors[f].Values.Length;
        }

        return stride;
    }

    /// <summary>The errors of the combination, empty when it is a valid profile: checked when the study is loaded.</summary>
    public IEnumerable<StudyError> Check(long index)
    {
        var read = Read(index, new ArrayBufferWriter<byte>(512));
        return read.IsValid ? [] : [Problem(index, read.Errors)];
    }

    private ProfileReadResult Read(long index, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        var digits = Digits(index);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var value in fixedValues)
            {
                value.WriteTo(writer);
            }

            for (var f = 0; f < Factors.Length; f++)
            {
                Factors[f].Values[digits[f]].WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return ProfileReader.TryRead(buffer.WrittenSpan);
    }

    /// <summary>Names the value the reader rejected where the study file wrote it; a missing field at the population.</summary>
    private StudyError Problem(long index, ImmutableArray<ProfileError> errors)
    {
        var error = errors[0];
        var digits = Digits(index);
        var name = error.Path.StartsWith("$.", StringComparison.Ordinal) ? error.Path[2..].Split('[', '.')[0] : null;
        var value = fixedValues.FirstOrDefault(v => v.Field.Name == name)
            ?? Factors.Select((f, i) => f.Values[digits[i]]).FirstOrDefault(v => v.Field.Name == name);
        return value is null
            ? new StudyError(source, line, column, $"the population's profiles are not valid: {error.Path}: {error.Message}")
            : new StudyError(source, value.Line, value.Column, $"{error.Path}: {error.Message}");
    }
}
