using Monitoring.Claims;

namespace Monitoring.Ledger;

/// <summary>One row of the claims ledger: its global position (commit order), its fund movement and the event itself.</summary>
[GenerateSerializer, Immutable]
public sealed record LedgerEntry(
    [property: Id(0)] long Position,
    [property: Id(1)] FundMovement Movement,
    [property: Id(2)] ClaimEvent Claim);
