using Monitoring.Claims;

namespace Monitoring.Ledger;

/// <summary>A validated event on its way into the ledger: where it stood in its batch, what it says, and its content identity.</summary>
public sealed record ClaimSubmission(int Index, ClaimEvent Claim, byte[] Fingerprint, string Body);
