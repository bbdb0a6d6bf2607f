using System.Globalization;
using System.Text.Json;
using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Cases;

/// <summary>
/// A case's booking as a ledger row (kind <c>recovery</c>): the same body and fingerprint every time it is built, so
/// the ledger takes it once however often it is booked. Written and read here only: recoveries are internal movements,
/// not claim events, and the ingest validator still refuses the kind from outside.
/// </summary>
public static class RecoveryEntry
{
    public const string KindText = "recovery";

    public static ClaimSubmission Submission(InspectionCase c, LedgerBooking booking, int index)
    {
        var body = Body(c, booking);
        using var document = JsonDocument.Parse(body);
        return new ClaimSubmission(index, Read(document.RootElement), ClaimFingerprint.Of(document.RootElement), body);
    }

    public static string Body(InspectionCase c, LedgerBooking booking) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["claimId"] = booking.LedgerId,
        ["kind"] = KindText,
        ["caseId"] = c.CaseId,
        ["hospitalId"] = c.HospitalId,
        ["settledAt"] = booking.SettledAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
        ["fundPaid"] = booking.FundPaid,
        ["reason"] = booking.Reason,
    });

    /// <summary>The row's event as the ledger's readers see it: a movement of fund pay at a hospital, with no patient or stay.</summary>
    public static ClaimEvent Read(JsonElement body) => new()
    {
        ClaimId = body.GetProperty("claimId").GetString()!,
        Kind = ClaimKind.Recovery,
        SettledAt = DateTimeOffset.Parse(body.GetProperty("settledAt").GetString()!, CultureInfo.InvariantCulture),
        HospitalId = body.GetProperty("hospitalId").GetString(),
        FundPaid = body.GetProperty("fundPaid").GetDecimal(),
        PaymentMethod = KindText,
    };
}
