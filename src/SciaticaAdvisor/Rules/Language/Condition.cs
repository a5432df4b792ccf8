
namespace SciaticaAdvisor.Rules.Language;

/// <summary>A test on the profile, from a rule's <c>when</c>. A closed set of node types: nothing in a rule file can run code.</summary>
internal abstract record Condition
{
    public abstract bool Matches(ProfileFact profile);
}

/// <summary>An enum field is one of the given values (one value: equality).</summary>
internal sealed record EnumCondition(FactField Field, int Mask) : Condition
{
    public override bool Matches(ProfileFact profile) => ((1 << Field.Read(profile)!.Value) & Mask) != 0;
}

/// <summary>A boolean field equals the given value.</summary>
internal sealed record BooleanCondition(FactField Field, bool Value) : Condition
{
    public override bool Matches(ProfileFact profile) => (Field.Read(profile) == 1) == Value;
}

/// <summary>An integer field meets every comparison; a field not given fails every comparison and matches only <c>given: false</c>.</summary>
internal sealed record IntegerCondition(FactField Field, int? AtLeast, int? AtMost, bool? Given) : Condition
{
    public override bool Matches(ProfileFact profile)
    {
        var value = Field.Read(profile);
        if (value is null)
        {
            return Given == false;
        }

        return Given != false
            && (AtLeast is null || value >= AtLeast)
            && (AtMost is null || value <= AtMost);
    }
}

/// <summary>A set field contains any, all or none of the given values, or is empty.</summary>
internal sealed record SetCondition(FactField Field, int? Any, int? All, int? None, bool? Empty) : Condition
{
    public override bool Matches(ProfileFact profile)
    {
        var set = Field.Read(profile)!.Value;
        return (Any is not { } any || (set & any) != 0)
            && (All is not { } all || (set & all) == all)
            && (None is not { } none || (set & none) == 0)
            && (Empty is not { } empty || (set == 0) == empty);
    }
}

/// <summary>Every child holds.</summary>
internal sealed record AllCondition(IReadOnlyList<Condition> Children) : Condition
{
    public override bool Matches(ProfileFact profile)
    {
        // Indexed: the engine tests this for every profile, and a foreach over the read-only list boxes an enumerator each time.
        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (!children[i].Matches(profile))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>At least one child holds.</summary>
internal sealed record AnyCondition(IReadOnlyList<Condition> Children) : Condition
{
    public override bool Matches(ProfileFact profile)
    {
        var children = Children;
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i].Matches(profile))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The child does not hold.</summary>
internal sealed record NotCondition(Condition Child) : Condition
{
    public override bool Matches(ProfileFact profile) => !Child.Matches(profile);
}

/// <summary>A fired rule derived the named fact. Matched by the engine, not on the profile.</summary>
internal sealed record FactCondition(string Name) : Condition
{
    public override bool Matches(ProfileFact profile) =>
        throw new InvalidOperationException("A fact condition is matched by the engine, not on the profile.");
}

/// <summary>A fired rule avoided the style. Matched by the engine, not on the profile.</summary>
internal sealed record StyleAvoidedCondition(Advice.MassageStyle Style) : Condition
{
    public override bool Matches(ProfileFact profile) =>
        throw new InvalidOperationException("A style-avoided condition is matched by the engine, not on the profile.");
}
