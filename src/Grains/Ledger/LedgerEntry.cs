using Monitoring.Claims;

namespace Monitoring.Ledger;

/// <summary>
/// One row of the claims ledger: its fund movement, the event itself, and the patient the row is about. A reversal
/// names only the settlement it cancels, so the ledger carries that settlement's patient on the reversal's row:
/// a detector that keeps a patient's stays can then take the cancelled stay out without a lookup.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LedgerEntry(
    [property: Id(1)] FundMovement Movement,
    [property: Id(2)] ClaimEvent Claim,
    [property: Id(3)] string? PatientId);
