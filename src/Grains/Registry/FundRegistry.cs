using System.Collections.Frozen;

namespace Monitoring.Registry;

/// <summary>Where a hospital sits: its county (and so its region) and its alliance, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record HospitalPlacement(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] string CountyId,
    [property: Id(2)] string RegionId,
    [property: Id(3)] string? AllianceId);

/// <summary>
/// The registry in force, indexed for the questions ingest, grains and scope checks ask of it.
/// Immutable: a replacement builds a new one, so a reader never sees half of an update.
/// </summary>
public sealed class FundRegistry
{
    private FundRegistry(RegistryDocument document, long version)
    {
        Document = document;
        Version = version;
        var counties = new Dictionary<string, (CountyEntry, RegionEntry)>();
        var alliances = new Dictionary<string, (AllianceEntry, CountyEntry)>();
        var hospitals = new Dictionary<string, (HospitalEntry, HospitalPlacement)>();
        foreach (var region in document.Regions)
        {
            foreach (var county in region.Counties)
            {
                counties[county.CountyId] = (county, region);
                foreach (var alliance in county.Alliances)
                {
                    alliances[alliance.AllianceId] = (alliance, county);
                }

                foreach (var hospital in county.Hospitals)
                {
                    hospitals[hospital.HospitalId] =
                        (hospital, new HospitalPlacement(hospital.HospitalId, county.CountyId, region.RegionId, hospital.AllianceId));
                }
            }
        }

        Counties = counties.ToFrozenDictionary();
        Alliances = alliances.ToFrozenDictionary();
        Hospitals = hospitals.ToFrozenDictionary();
    }

    public static FundRegistry Empty { get; } = new(new RegistryDocument(0, []), 0);

    public RegistryDocument Document { get; }

    /// <summary>Grows with every replacement; lets a silo tell whether its copy is current.</summary>
    public long Version { get; }

    public int FundYear => Document.FundYear;

    public FrozenDictionary<string, (CountyEntry County, RegionEntry Region)> Counties { get; }

    public FrozenDictionary<string, (AllianceEntry Alliance, CountyEntry County)> Alliances { get; }

    public FrozenDictionary<string, (HospitalEntry Hospital, HospitalPlacement Placement)> Hospitals { get; }

    public static FundRegistry From(RegistryDocument document, long version) => new(document, version);

    public bool IsRegistered(string hospitalId) => Hospitals.ContainsKey(hospitalId);

    public HospitalPlacement? PlacementOf(string hospitalId) =>
        Hospitals.TryGetValue(hospitalId, out var entry) ? entry.Placement : null;

    public IEnumerable<string> HospitalsOfCounty(string countyId) =>
        Counties.TryGetValue(countyId, out var entry) ? entry.County.Hospitals.Select(h => h.HospitalId) : [];

    public IEnumerable<string> HospitalsOfAlliance(string allianceId) =>
        Alliances.TryGetValue(allianceId, out var entry)
            ? entry.County.Hospitals.Where(h => h.AllianceId == allianceId).Select(h => h.HospitalId)
            : [];
}
