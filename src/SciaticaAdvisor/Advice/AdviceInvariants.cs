using System.Collections.Immutable;
using System.Globalization;
using SciaticaAdvisor.Profiles;

namespace SciaticaAdvisor.Advice;

/// <summary>The invariants every advice must keep, whatever the rule set (GUIDANCE.md, "Invariants").</summary>
/// <remarks>The advisor checks them on every advice it returns; they are public so tools and tests can check advice from anywhere.</remarks>
public static class AdviceInvariants
{
    /// <summary>Checks one advice against the profile it answers.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="advice">The advice given for it.</param>
    /// <returns>Every invariant the advice breaks, in plain words; empty when it keeps them all.</returns>
    public static ImmutableArray<string> Check(SymptomProfile profile, MassageAdvice advice)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(advice);
        var violations = ImmutableArray.CreateBuilder<string>();
        var styles = advice.Styles;

        // Checked on every advice the advisor returns, so written with loops and bit sets rather than LINQ.
        var advised = default(StyleSet);
        var advisedTwice = false;
        var aboveLight = false;
        foreach (var style in styles)
        {
            advisedTwice |= !advised.Add(style.Style);
            aboveLight |= style.Pressure > Pressure.Light;
        }

        // 1. Avoided and unwanted styles are never advised.
        var contraindicated = default(StyleSet);
        var contraindicatedTwice = false;
        foreach (var c in advice.Contraindications)
        {
            contraindicatedTwice |= !contraindicated.Add(c.Style);
            if (c.Level == ContraindicationLevel.Avoid && advised.Contains(c.Style))
            {
                violations.Add($"1: {Name(c.Style)} is avoided but advised");
            }
        }

        // A read profile's styles as its mask, in the order the set enumerates them (by value), so a
        // cold advise never builds the set (ProfileSet); a set given in C# as it is.
        if (profile.AvoidStyleSet.Mask is { } unwanted)
        {
            for (var bits = unwanted; bits != 0; bits &= bits - 1)
            {
                var style = (MassageStyle)System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (advised.Contains(style))
                {
                    violations.Add($"1: {Name(style)} is not wanted but advised");
                }
            }
        }
        else
        {
            foreach (var style in profile.AvoidStyles)
            {
                if (advised.Contains(style))
                {
                    violations.Add($"1: {Name(style)} is not wanted but advised");
                }
            }
        }

        // 2. Nothing deep or firm in an acute flare.
        if (profile.Flare == FlareState.Acute)
        {
            if (advised.Contains(MassageStyle.DeepTissue))
            {
                violations.Add("2: deep tissue is advised during an acute flare");
            }

            if (aboveLight)
            {
                violations.Add("2: a pressure above light is advised during an acute flare");
            }
        }

        // 3. Status, styles, adjuncts and plan agree.
        if (advice.Referral?.Urgency is ReferralUrgency.Emergency or ReferralUrgency.Urgent && advice.Status != AdviceStatus.Referral)
        {
            violations.Add("3: an emergency or urgent referral without status referral");
        }

        if (advice.Status == AdviceStatus.Referral)
        {
            if (!styles.IsEmpty || !advice.Adjuncts.IsEmpty || advice.Plan is not null)
            {
                violations.Add("3: status referral with styles, adjuncts or a plan");
            }
        }
        else if (styles.IsEmpty || advice.Plan is null)
        {
            violations.Add("3: status " + advice.Status + " without styles or without a plan");
        }

        // 4. Ranks 1..n in order; each style and each contraindicated style once.
        for (var i = 0; i < styles.Length; i++)
        {
            if (styles[i].Rank != i + 1)
            {
                violations.Add($"4: rank {styles[i].Rank} at position {i + 1}");
            }
        }

        if (advisedTwice || contraindicatedTwice)
        {
            violations.Add("4: a style or a contraindicated style appears twice");
        }

        // 5. Every rule id behind the advice is in the trace. A trace is a few dozen entries whose ids
        // are the very strings the advice cites, so a scan for the same reference (one compare an
        // entry) finds each at once, and only an id not found so is compared by its characters;
        // that costs less than hashing them all into a set. A long trace gets the set.
        var trace = advice.Trace;
        HashSet<string>? traced = null;
        if (trace.Length > 64)
        {
            traced = new HashSet<string>(trace.Length, StringComparer.Ordinal);
            foreach (var entry in trace)
            {
                traced.Add(entry.RuleId);
            }
        }

        bool InTrace(string id)
        {
            if (traced is not null)
            {
                return traced.Contains(id);
            }

            foreach (var entry in trace)
            {
                if (ReferenceEquals(entry.RuleId, id))
                {
                    return true;
                }
            }

            foreach (var entry in trace)
            {
                if (string.Equals(entry.RuleId, id, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        HashSet<string>? reported = null;
        void Cited(ImmutableArray<string> ids)
        {
            foreach (var id in ids)
            {
                if (!InTrace(id) && (reported ??= new(StringComparer.Ordinal)).Add(id))
                {
                    violations.Add($"5: rule '{id}' is cited but not in the trace");
                }
            }
        }

        foreach (var style in styles)
        {
            Cited(style.RuleIds);
        }

        foreach (var c in advice.Contraindications)
        {
            Cited(c.RuleIds);
        }

        foreach (var adjunct in advice.Adjuncts)
        {
            Cited(adjunct.RuleIds);
        }

        if (advice.Referral is { } referral)
        {
            Cited(referral.RuleIds);
        }

        // 7. Sorting by score (higher first, ties in style order) gives the ranks: each style is
        // ahead of the next one in that sort, which makes the whole order agree.
        for (var i = 0; i + 1 < styles.Length; i++)
        {
            var (upper, lower) = (styles[i], styles[i + 1]);
            if (upper.Score < lower.Score || (upper.Score == lower.Score && upper.Style > lower.Style) || double.IsNaN(upper.Score) || double.IsNaN(lower.Score))
            {
                violations.Add($"7: {Name(upper.Style)} at position {i + 1} shows score {Number(upper.Score)}, so sorting by score puts {Name(lower.Style)} ({Number(lower.Score)}) above it");
            }
        }

        return violations.ToImmutable();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Name(MassageStyle style) =>
        Enum.IsDefined(style) ? EnumNames<MassageStyle>.NameOf(style) : ((int)style).ToString(CultureInfo.InvariantCulture);

    /// <summary>A set of styles: a bit for each value below 32, a list for any other (only hand-built advice has one).</summary>
    private struct StyleSet
    {
        private int _bits;
        private List<MassageStyle>? _others;

        public readonly bool Contains(MassageStyle style) =>
            (uint)style < 32 ? (_bits & (1 << (int)style)) != 0 : _others?.Contains(style) == true;

        /// <summary>Adds the style; false when it was there already.</summary>
        public bool Add(MassageStyle style)
        {
            if (Contains(style))
            {
                return false;
            }

            if ((uint)style < 32)
            {
                _bits |= 1 << (int)style;
            }
            else
            {
                (_others ??= []).Add(style);
            }

            return true;
        }
    }
}
