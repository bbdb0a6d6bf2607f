using Monitoring.Registry;

namespace Monitoring.Settlements;

/// <summary>Who pays for a stay, as the claim's 参保地 and the registry have it.</summary>
public enum PayerKind
{
    /// <summary>The hospital's own county: the claim named none, or named the hospital's county.</summary>
    HomeCounty,

    /// <summary>Another county of the registry (县外就医 seen from the payer, 外县患者 seen from the provider).</summary>
    OtherCounty,

    /// <summary>A county outside the registry: 异地就医, paid by none of the region's county funds.</summary>
    Elsewhere,
}

/// <summary>
/// Payer and provider (DESIGN.md § Payer and provider): a claim's fund pay counts against the fund of the insured
/// person's county, absent which the hospital's; the provider's account counts what it provided whoever pays.
/// </summary>
public static class PayerRule
{
    /// <summary>The county fund that pays, or null for a patient insured outside the registry (异地就医).</summary>
    public static string? PayingCounty(string? insuredCountyId, string hospitalCountyId, FundRegistry registry) =>
        insuredCountyId is null || insuredCountyId == hospitalCountyId ? hospitalCountyId
        : registry.Counties.ContainsKey(insuredCountyId) ? insuredCountyId
        : null;

    public static PayerKind KindOf(string? insuredCountyId, string hospitalCountyId, FundRegistry registry) =>
        PayingCounty(insuredCountyId, hospitalCountyId, registry) switch
        {
            null => PayerKind.Elsewhere,
            var county when county == hospitalCountyId => PayerKind.HomeCounty,
            _ => PayerKind.OtherCounty,
        };

    public static string Code(this PayerKind kind) => kind switch
    {
        PayerKind.HomeCounty => "home-county",
        PayerKind.OtherCounty => "other-county",
        _ => "elsewhere",
    };
}
