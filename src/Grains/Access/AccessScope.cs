using Monitoring.Registry;

namespace Monitoring.Access;

/// <summary>
/// Who a caller is and what part of the hierarchy they may see, from their token's role and scope
/// (<c>contracts/README.md</c> § Roles and scopes). The server decides visibility from this, never the client.
/// </summary>
public sealed record AccessScope(string Role, ScopeKind Kind, string? Id)
{
    public const string Admin = "admin";
    public const string Ingest = "ingest";
    public const string Regulator = "regulator";
    public const string Inspector = "inspector";
    public const string HospitalRole = "hospital";

    public static IReadOnlyList<string> Roles { get; } = [Admin, Ingest, Regulator, Inspector, HospitalRole];

    /// <summary>Reads a role and scope pair; the error says what is wrong with it.</summary>
    public static AccessScope? Parse(string? role, string? scope, out string? error)
    {
        error = null;
        var (kind, id) = SplitScope(scope);
        switch (role)
        {
            case Admin or Ingest:
                return new AccessScope(role, ScopeKind.All, null);
            case Regulator or Inspector when kind is ScopeKind.Region or ScopeKind.County && IsDivisionCode(id):
                return new AccessScope(role, kind, id);
            case Regulator or Inspector:
                error = $"role {role} needs a scope region:<6-digit id> or county:<6-digit id>, got \"{scope}\"";
                return null;
            case HospitalRole when kind == ScopeKind.Hospital && !string.IsNullOrEmpty(id):
                return new AccessScope(role, kind, id);
            case HospitalRole:
                error = $"role hospital needs a scope hospital:<hospitalId>, got \"{scope}\"";
                return null;
            default:
                error = $"unknown role \"{role}\"; roles are {string.Join(", ", Roles)}";
                return null;
        }
    }

    public string ScopeText => Kind switch
    {
        ScopeKind.Region => $"region:{Id}",
        ScopeKind.County => $"county:{Id}",
        ScopeKind.Hospital => $"hospital:{Id}",
        _ => "*",
    };

    /// <summary>Ingest posts claims and reads nothing.</summary>
    public bool MayRead => Role != Ingest;

    public bool CanSeeCounty(string countyId, FundRegistry registry) => Role switch
    {
        Admin => true,
        Regulator or Inspector => Kind switch
        {
            ScopeKind.County => Id == countyId,
            ScopeKind.Region => registry.Counties.TryGetValue(countyId, out var c) && c.Region.RegionId == Id,
            _ => false,
        },
        _ => false,
    };

    public bool CanSeeAlliance(string allianceId, FundRegistry registry) =>
        registry.Alliances.TryGetValue(allianceId, out var a) && CanSeeCounty(a.County.CountyId, registry);

    public bool CanSeeHospital(string hospitalId, FundRegistry registry) => Role == HospitalRole
        ? Id == hospitalId
        : registry.Hospitals.TryGetValue(hospitalId, out var h) && CanSeeCounty(h.Placement.CountyId, registry);

    /// <summary>Whether a fund account (county, alliance or hospital) is within this caller's scope.</summary>
    public bool CanSeeAccount(string level, string id, FundRegistry registry) => level switch
    {
        FundLevel.County => CanSeeCounty(id, registry),
        FundLevel.Alliance => CanSeeAlliance(id, registry),
        FundLevel.Hospital => CanSeeHospital(id, registry),
        _ => false,
    };

    /// <summary>The registry cut down to what this caller may see.</summary>
    public RegistryDocument Filter(FundRegistry registry)
    {
        var document = registry.Document;
        if (Role == Admin)
        {
            return document;
        }

        var regions = new List<RegionEntry>();
        foreach (var region in document.Regions)
        {
            var counties = new List<CountyEntry>();
            foreach (var county in region.Counties)
            {
                if (CanSeeCounty(county.CountyId, registry))
                {
                    counties.Add(county);
                }
                else if (Role == HospitalRole && county.Hospitals.FirstOrDefault(h => h.HospitalId == Id) is { } own)
                {
                    counties.Add(county with
                    {
                        Hospitals = [own],
                        Alliances = [.. county.Alliances.Where(a => a.AllianceId == own.AllianceId)],
                    });
                }
            }

            if (counties.Count > 0)
            {
                regions.Add(region with { Counties = counties });
            }
        }

        return document with { Regions = regions };
    }

    private static (ScopeKind Kind, string? Id) SplitScope(string? scope)
    {
        var colon = scope?.IndexOf(':') ?? -1;
        if (scope is null || colon <= 0)
        {
            return (ScopeKind.All, null);
        }

        var kind = scope[..colon] switch
        {
            "region" => ScopeKind.Region,
            "county" => ScopeKind.County,
            "hospital" => ScopeKind.Hospital,
            _ => ScopeKind.All,
        };
        return (kind, scope[(colon + 1)..]);
    }

    private static bool IsDivisionCode(string? id) => id is { Length: 6 } && id.All(char.IsAsciiDigit);
}
