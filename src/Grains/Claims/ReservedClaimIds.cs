namespace Monitoring.Claims;

/// <summary>
/// Ledger ids the system writes itself and no outside feed may use: a recovery booked by an inspection case
/// (追回款) is <c>recovery/&lt;caseId&gt;/&lt;n&gt;</c>, and a settlement arriving under such an id would take its place
/// in the ledger and stop the booking.
/// </summary>
public static class ReservedClaimIds
{
    public const string RecoveryPrefix = "recovery/";

    public static bool IsReserved(string claimId) => claimId.StartsWith(RecoveryPrefix, StringComparison.OrdinalIgnoreCase);
}
