using System.Globalization;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Cli.Batch;

/// <summary>What a batch run did, counted for the summary line on standard error; never any profile content.</summary>
internal sealed class BatchSummary
{
    public int Advised { get; private set; }

    public int Invalid { get; private set; }

    public int Referral { get; private set; }

    public int ClearanceNeeded { get; private set; }

    /// <summary>Lines the rule set faulted on: answered with a fault object, the run exits 1.</summary>
    public int Faulted { get; private set; }

    public int Lines => Advised + Invalid + Faulted;

    /// <summary>Counts one answer: an advice's status, or <see langword="null"/> for an error object.</summary>
    public void Count(AdviceStatus? status)
    {
        switch (status)
        {
            case null:
                Invalid++;
                return;
            case AdviceStatus.Referral:
                Referral++;
                break;
            case AdviceStatus.ClearanceNeeded:
                ClearanceNeeded++;
                break;
        }

        Advised++;
    }

    /// <summary>Counts a line the rule set faulted on.</summary>
    public void CountFault() => Faulted++;

    /// <summary>Adds the counts of a part of the run.</summary>
    public void Add(BatchSummary part)
    {
        Advised += part.Advised;
        Invalid += part.Invalid;
        Faulted += part.Faulted;
        Referral += part.Referral;
        ClearanceNeeded += part.ClearanceNeeded;
    }

    /// <summary>The summary line: <c>N advised, N invalid, N referral, N clearanceNeeded in S s</c>, with <c>N faulted</c> after the invalid when any.</summary>
    public string Format(TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Advised} advised, {Invalid} invalid, {(Faulted > 0 ? $"{Faulted} faulted, " : string.Empty)}{Referral} referral, {ClearanceNeeded} clearanceNeeded in {elapsed.TotalSeconds:0.00} s");
}
