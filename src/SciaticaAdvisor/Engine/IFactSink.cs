namespace SciaticaAdvisor.Engine;

/// <summary>Where actions assert facts: the engine session, kept behind this so actions never see NRules.</summary>
internal interface IFactSink
{
    void Insert(object fact);
}
