using System.Collections.Immutable;
using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Cli.Explaining;

/// <summary>Why one style is not advised, or advised lower: the kind, the reason in words and the rules behind it.</summary>
/// <param name="Style">The style.</param>
/// <param name="Kind">Why it is missing or lowered.</param>
/// <param name="Reason">The reason in plain words.</param>
/// <param name="Rules">The rules behind it, with their names, in firing order; empty when no rule is behind it.</param>
internal sealed record WhyNot(MassageStyle Style, WhyNotKind Kind, string Reason, ImmutableArray<TraceEntry> Rules)
{
    /// <summary>Every style the advice leaves out, and every advised style a caution lowered, in the contract's style order.</summary>
    public static ImmutableArray<WhyNot> For(MassageAdvice advice)
    {
        var names = advice.Trace.GroupBy(t => t.RuleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<WhyNot>();
        foreach (var style in Enum.GetValues<MassageStyle>())
        {
            var advised = advice.Styles.Any(s => s.Style == style);
            var contraindication = advice.Contraindications.FirstOrDefault(c => c.Style == style);
            if (advised)
            {
                if (contraindication is { Level: ContraindicationLevel.Caution })
                {
                    builder.Add(new(style, WhyNotKind.Lowered, "lowered by a caution: " + contraindication.Reason, Named(contraindication.RuleIds, names)));
                }
            }
            else if (contraindication is { Level: ContraindicationLevel.Avoid })
            {
                builder.Add(new(style, WhyNotKind.Avoided, "avoided: " + contraindication.Reason, Named(contraindication.RuleIds, names)));
            }
            else if (advice.Status == AdviceStatus.Referral && advice.Referral is { Urgency: ReferralUrgency.Emergency or ReferralUrgency.Urgent } referral)
            {
                builder.Add(new(style, WhyNotKind.Referral, $"no massage until a doctor has seen the person ({Names.Of(referral.Urgency)} referral)", Named(referral.RuleIds, names)));
            }
            else
            {
                builder.Add(new(style, WhyNotKind.NotRecommended, "no rule recommended it for this profile", []));
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<TraceEntry> Named(ImmutableArray<string> ids, Dictionary<string, string> names) =>
        [.. ids.Select(id => new TraceEntry(id, names.GetValueOrDefault(id, "")))];
}
