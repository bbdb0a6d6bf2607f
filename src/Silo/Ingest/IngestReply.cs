using System.Text.Json.Serialization;
using Monitoring.Ledger;

namespace Monitoring.Silo.Ingest;

/// <summary>The reply of <c>POST /api/claims</c>, as the contract fixes it.</summary>
public sealed record IngestReply(
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("duplicates")] int Duplicates,
    [property: JsonPropertyName("rejected")] IReadOnlyList<RejectedClaim> Rejected);

public sealed record RejectedClaim(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("claimId")] string? ClaimId,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors)
{
    public static RejectedClaim From(ClaimRejection rejection) => new(rejection.Index, rejection.ClaimId, rejection.Errors);
}
