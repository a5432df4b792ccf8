using SciaticaAdvisor.Rules.Language;

namespace SciaticaAdvisor.Engine;

/// <summary>A profile in an engine session: the values its rules test, and the sheet their actions write.</summary>
/// <remarks>
/// Carrying the sheet on the fact spares every firing the NRules dependency resolution a sheet
/// given as a dependency costs (a resolution context per firing), and lets a session hold many
/// profiles, each firing finding its own sheet.
/// </remarks>
internal sealed class SessionProfile(ProfileFact values, AdviceSheet sheet)
{
    public ProfileFact Values { get; } = values;

    public AdviceSheet Sheet { get; } = sheet;
}
