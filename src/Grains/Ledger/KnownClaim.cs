using Monitoring.Claims;

namespace Monitoring.Ledger;

/// <summary>What the ledger already knows of a claim id, enough to judge a re-send, a conflict or a reversal.</summary>
public sealed record KnownClaim(
    string ClaimId,
    byte[] Fingerprint,
    ClaimKind Kind,
    string HospitalId,
    decimal FundPaid,
    DateOnly BudgetDate,
    string? ReversedBy,
    string? PatientId = null,
    string? InsuredCountyId = null);
