using Monitoring.Funds.Snapshots;
using Monitoring.Pace;
using Monitoring.Registry;

namespace Monitoring.Funds;

/// <summary>Puts together an account's status: what the registry says of it, its balance, its pace and year-end preview.</summary>
public static class FundAccountStatus
{
    public static FundStatus Of(FundAccountProfile profile, FundBalance balance, PaceReading? pace, YearEndPreview? yearEnd) => new()
    {
        Level = profile.Level,
        Id = profile.Id,
        Name = profile.Name,
        CountyId = profile.CountyId,
        RegionId = profile.RegionId,
        AllianceId = profile.AllianceId,
        AllianceType = profile.AllianceType,
        FundYear = profile.FundYear,
        AnnualBudget = profile.AnnualBudget,
        FundPaid = balance.FundPaidIn(profile.FundYear),
        ClaimsCounted = balance.ClaimsCountedIn(profile.FundYear),
        AsOf = balance.AsOf,
        Months = balance.Months,
        Pace = pace,
        YearEnd = yearEnd,
    };
}
