using System.Globalization;
using System.Text.Json.Serialization;
using Monitoring.Readmission;

namespace Monitoring.Dashboard.Readmission;

/// <summary>
/// A hospital's 15-day readmission rate (再入院率) beside the median of its same-level peers, as
/// <c>GET /api/readmission/hospital/{id}</c> returns it. Rate is null until the hospital has reported a discharge.
/// </summary>
public sealed record ReadmissionStandingDocument(
    [property: JsonPropertyName("hospitalId")] string HospitalId,
    [property: JsonPropertyName("asOf")] string? AsOf,
    [property: JsonPropertyName("windowDays")] int? WindowDays,
    [property: JsonPropertyName("discharges")] int Discharges,
    [property: JsonPropertyName("suspectPairs")] int SuspectPairs,
    [property: JsonPropertyName("rate")] double? Rate,
    [property: JsonPropertyName("peerMedian")] double? PeerMedian,
    [property: JsonPropertyName("peers")] int Peers,
    [property: JsonPropertyName("threshold")] double? Threshold,
    [property: JsonPropertyName("alerted")] bool Alerted)
{
    public static ReadmissionStandingDocument Of(HospitalReadmissionStanding standing) => new(
        standing.HospitalId,
        standing.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        standing.WindowDays,
        standing.Discharges,
        standing.Pairs,
        standing.Rate,
        standing.PeerMedian,
        standing.Peers,
        standing.Threshold,
        standing.Alerted);

    /// <summary>A hospital whose place has not reported yet: no discharges counted, so no rate to show.</summary>
    public static ReadmissionStandingDocument NotYetReported(string hospitalId) =>
        new(hospitalId, null, null, 0, 0, null, null, 0, null, false);
}
