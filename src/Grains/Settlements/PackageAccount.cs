using Monitoring.Registry;

namespace Monitoring.Settlements;

/// <summary>How the fund pays an account in the course of the year.</summary>
public enum PaymentBasis
{
    /// <summary>预拨制: a tight alliance, its package advanced at the start of each month.</summary>
    Advance,

    /// <summary>后付制: a loose alliance's members and institutions outside any alliance, paid for the month's claims after it.</summary>
    AfterTheFact,

    /// <summary>A member of a tight alliance: the fund pays the alliance, which pays its members; nothing is settled with the member directly.</summary>
    WithinPackage,
}

/// <summary>
/// An alliance or a hospital as the package's statements see it: what it is budgeted (a per-head package is the county's
/// insured population times the per-capita amount, 按人头打包), how it is paid, and which hospitals are its own.
/// </summary>
public sealed record PackageAccount(
    string Level,
    string Id,
    string Name,
    string CountyId,
    string RegionId,
    string? AllianceType,
    PaymentBasis Basis,
    decimal? Budget,
    long? InsuredPopulation,
    decimal? PerCapitaPackage,
    IReadOnlySet<string> Members)
{
    /// <summary>Paid per head: its package pays for the county's insured, wherever treated.</summary>
    public bool PerHead => PerCapitaPackage is not null;

    public static PackageAccount? Find(string level, string id, FundRegistry registry)
    {
        if (level == FundLevel.Alliance && registry.Alliances.TryGetValue(id, out var a))
        {
            var county = a.County;
            var perHead = a.Alliance.PerCapitaPackage;
            var budget = perHead is { } amount && county.InsuredPopulation is { } heads ? decimal.Round(amount * heads, 2) : a.Alliance.AnnualBudget;
            return new PackageAccount(level, id, a.Alliance.Name, county.CountyId, registry.Counties[county.CountyId].Region.RegionId,
                a.Alliance.Type, a.Alliance.Type == "tight" ? PaymentBasis.Advance : PaymentBasis.AfterTheFact, budget,
                county.InsuredPopulation, perHead, registry.HospitalsOfAlliance(id).ToHashSet(StringComparer.Ordinal));
        }

        if (level == FundLevel.Hospital && registry.Hospitals.TryGetValue(id, out var h))
        {
            var type = h.Hospital.AllianceId is { } allianceId && registry.Alliances.TryGetValue(allianceId, out var own) ? own.Alliance.Type : null;
            var county = registry.Counties[h.Placement.CountyId].County;
            return new PackageAccount(level, id, h.Hospital.Name, h.Placement.CountyId, h.Placement.RegionId, type,
                type == "tight" ? PaymentBasis.WithinPackage : PaymentBasis.AfterTheFact, h.Hospital.AnnualBudget,
                county.InsuredPopulation, null, new HashSet<string>(StringComparer.Ordinal) { id });
        }

        return null;
    }

    /// <summary>
    /// Whether this account pays for the stays of a cell. The payer county's per-head package, if it has one, pays for its
    /// insured at its own members and, when that county's terms say so, anywhere else (out of county, at a non-member);
    /// what no package pays, the provider's own account counts. A patient insured outside the registry (异地就医) is
    /// paid by none of the region's accounts: the stay shows only as provided.
    /// </summary>
    public bool Pays(PackageCell cell, FundRegistry registry, PackageOptions options)
    {
        var hospitalCounty = registry.PlacementOf(cell.HospitalId)?.CountyId;
        if (hospitalCounty is null || PayerRule.PayingCounty(cell.InsuredCountyId, hospitalCounty, registry) is not { } payer)
        {
            return false;
        }

        var package = PerHeadPackageOf(payer, registry);
        var byPackage = package is not null
            && (registry.Hospitals[cell.HospitalId].Hospital.AllianceId == package || options.For(payer).OutsideTreatmentFromPackage);
        return PerHead ? byPackage && package == Id : !byPackage && Members.Contains(cell.HospitalId);
    }

    /// <summary>The alliance paid per head for a county's insured, if the county has one (at most one, the registry checks).</summary>
    public static string? PerHeadPackageOf(string countyId, FundRegistry registry) =>
        registry.Counties.TryGetValue(countyId, out var c) && c.County.InsuredPopulation is not null
            ? c.County.Alliances.FirstOrDefault(a => a.PerCapitaPackage is not null)?.AllianceId
            : null;
}
