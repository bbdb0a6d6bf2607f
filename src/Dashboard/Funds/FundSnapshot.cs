using System.Text.Json.Serialization;
using Monitoring.Funds;

namespace Monitoring.Dashboard.Funds;

/// <summary>A live snapshot of one fund account as <c>GET /api/funds/{level}/{id}</c> returns it.</summary>
public sealed record FundSnapshot(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("countyId")] string CountyId,
    [property: JsonPropertyName("allianceType")] string? AllianceType,
    [property: JsonPropertyName("fundYear")] int FundYear,
    [property: JsonPropertyName("annualBudget")] decimal? AnnualBudget,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("claimsCounted")] long ClaimsCounted,
    [property: JsonPropertyName("asOf")] DateTimeOffset? AsOf,
    [property: JsonPropertyName("monthly")] IReadOnlyList<MonthlyFigure> Monthly)
{
    public static FundSnapshot Of(FundAccountRef account, int fundYear, FundBalance balance) => new(
        account.Level,
        account.Id,
        account.Name,
        account.CountyId,
        account.AllianceType,
        fundYear,
        account.AnnualBudget,
        balance.FundPaidIn(fundYear),
        balance.ClaimsCountedIn(fundYear),
        balance.AsOf,
        [.. balance.Months.Select(MonthlyFigure.Of)]);
}

/// <summary>One month of a fund's series, in budget (settlement) time.</summary>
public sealed record MonthlyFigure(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("settlements")] long Settlements,
    [property: JsonPropertyName("reversals")] long Reversals)
{
    public static MonthlyFigure Of(MonthTotal total) =>
        new($"{total.Month / 100:D4}-{total.Month % 100:D2}", total.FundPaid, total.Settlements, total.Reversals);
}
