using SciaticaAdvisor.Cli.Advising;
using SciaticaAdvisor.Cli.Batch;
using SciaticaAdvisor.Populations;
using SciaticaAdvisor.Profiles;
using SciaticaAdvisor.Rules;

namespace SciaticaAdvisor.Cli.Comparing;

/// <summary>Advises every profile of a population with two rule sets, in parallel, and tallies how the advice changes.</summary>
internal sealed class PopulationDiff(IProfileAdvisor before, IProfileAdvisor after)
{
    /// <summary>Compares every item; reports each invalid line's errors through <paramref name="invalid"/>, in input order.</summary>
    /// <exception cref="CommandFailure">A rule set is at fault on some line: exit 1, naming the line and the side.</exception>
    public DiffTally Run(IEnumerable<BatchItem> items, Action<int, IReadOnlyList<ProfileError>> invalid, CancellationToken cancellationToken)
    {
        var tally = new DiffTally();
        var outcomes = items.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(Compare);
        try
        {
            foreach (var (line, changes, errors) in outcomes)
            {
                if (errors is not null)
                {
                    tally.CountInvalid(line);
                    invalid(line, errors);
                }
                else
                {
                    tally.Count(line, changes!);
                }
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<CommandFailure>().FirstOrDefault() is { } failure)
        {
            // PLINQ wraps what the workers throw; the first fault or unreadable input is the answer.
            throw failure;
        }

        return tally;
    }

    private (int Line, IReadOnlyList<AdviceChange>? Changes, IReadOnlyList<ProfileError>? Errors) Compare(BatchItem item)
    {
        if (!item.IsDocument)
        {
            return (item.Line, null, [new ProfileError("$", item.Problem)]);
        }

        var read = ProfileReader.TryRead(item.Json);
        if (!read.IsValid)
        {
            return (item.Line, null, read.Errors);
        }

        return (item.Line, AdviceChange.Between(Advise(before, "--rules", read.Profile, item.Line), Advise(after, "--against", read.Profile, item.Line)), null);
    }

    private static Advice.MassageAdvice Advise(IProfileAdvisor advisor, string side, SymptomProfile profile, int line)
    {
        try
        {
            return advisor.Advise(profile);
        }
        catch (RuleSetFaultException ex)
        {
            throw new CommandFailure(ExitCodes.Fault, $"sciatica-advisor: fault on line {line} with the {side} rules: {ex.Message}");
        }
    }
}
