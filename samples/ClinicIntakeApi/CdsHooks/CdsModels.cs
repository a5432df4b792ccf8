namespace ClinicIntakeApi.CdsHooks;

// The parts of CDS Hooks 2.0 (https://cds-hooks.hl7.org/2.0/) this service uses, serialized in camelCase.

/// <summary>The discovery response: the services this server offers.</summary>
internal sealed record CdsDiscovery(IReadOnlyList<CdsService> Services);

/// <summary>One service in the discovery response.</summary>
internal sealed record CdsService(string Hook, string Id, string Title, string Description, IReadOnlyDictionary<string, string> Prefetch, string UsageRequirements);

/// <summary>A service's answer: the cards to show the clinician.</summary>
internal sealed record CdsResponse(IReadOnlyList<CdsCard> Cards);

/// <summary>One card: a summary of at most 140 characters, an urgency indicator, markdown detail and its source.</summary>
internal sealed record CdsCard(string Uuid, string Summary, string Indicator, string Detail, CdsSource Source);

/// <summary>Where a card's advice comes from: here, the rule set and its version.</summary>
internal sealed record CdsSource(string Label, CdsCoding Topic);

/// <summary>A coding naming the card's topic, so an EHR can group or filter cards.</summary>
internal sealed record CdsCoding(string System, string Code, string Display);
