using System.Text.Json.Serialization;

namespace SciaticaAdvisor.Advice;

/// <summary>A part of the body a massage concentrates on.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<FocusArea>))]
public enum FocusArea
{
    /// <summary>The piriformis muscle deep in the buttock.</summary>
    Piriformis,

    /// <summary>The buttock muscles.</summary>
    Gluteals,

    /// <summary>The lower back.</summary>
    LowerBack,

    /// <summary>The muscles at the front of the hip.</summary>
    HipFlexors,

    /// <summary>The back of the thigh.</summary>
    Hamstrings,

    /// <summary>The calves.</summary>
    Calves,

    /// <summary>The feet.</summary>
    Feet,

    /// <summary>The whole body.</summary>
    WholeBody,
}
