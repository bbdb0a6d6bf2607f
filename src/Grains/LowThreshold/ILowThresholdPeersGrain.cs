using Monitoring.Statistics;

namespace Monitoring.LowThreshold;

/// <summary>
/// The peers of a region's hospitals for the low-threshold rule (keyed by regionId): the live region-wide median cost
/// of each DRG, merged from the hospitals' cost sketches, and each hospital's share against its same-level peers.
/// Hospitals call it once per settled week, never per claim.
/// </summary>
public interface ILowThresholdPeersGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a hospital's whole cost sketch per DRG (replacing its last) and returns the region's median cost of each of
    /// <paramref name="drgCodes"/> that enough stays stand behind.
    /// </summary>
    Task<Dictionary<string, double>> ShareCostsAsync(string hospitalId, Dictionary<string, QuantileSketch> costs, string[] drgCodes);

    /// <summary>Takes a hospital's summary (replacing its last) and returns what its same-level peers show.</summary>
    Task<PeerReference> CompareAsync(HospitalShareReport report);
}
