using SciaticaAdvisor.Advice;

namespace SciaticaAdvisor.Reference;

/// <summary>One style's contraindication while rules add to it: the strongest level so far and every reason.</summary>
internal sealed class ContraindicationDraft
{
    public ContraindicationLevel Level { get; private set; } = ContraindicationLevel.Caution;

    public ReasonList Reasons { get; } = new();

    public void Add(ContraindicationLevel level, string reason, string ruleId)
    {
        if (level > Level)
        {
            Level = level;
        }

        Reasons.Add(reason, ruleId);
    }
}
