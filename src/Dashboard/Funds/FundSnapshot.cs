using System.Text.Json.Serialization;
using Monitoring.Funds;
using Monitoring.Funds.Snapshots;
using Monitoring.Pace;

namespace Monitoring.Dashboard.Funds;

/// <summary>
/// A fund account's live snapshot as <c>GET /api/funds/{level}/{id}</c> returns it and the hub pushes it as
/// <c>fund</c>: budget, fund paid to date, expected to date, projected year end, claims counted, and more.
/// </summary>
public sealed record FundSnapshot(
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("countyId")] string CountyId,
    [property: JsonPropertyName("regionId")] string RegionId,
    [property: JsonPropertyName("allianceId")] string? AllianceId,
    [property: JsonPropertyName("allianceType")] string? AllianceType,
    [property: JsonPropertyName("fundYear")] int FundYear,
    [property: JsonPropertyName("annualBudget")] decimal? AnnualBudget,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("expectedToDate")] decimal? ExpectedToDate,
    [property: JsonPropertyName("usedShare")] decimal? UsedShare,
    [property: JsonPropertyName("timeShare")] decimal? TimeShare,
    [property: JsonPropertyName("projectedYearEnd")] decimal? ProjectedYearEnd,
    [property: JsonPropertyName("projectedShare")] decimal? ProjectedShare,
    [property: JsonPropertyName("paceLevel")] string? PaceLevel,
    [property: JsonPropertyName("claimsCounted")] long ClaimsCounted,
    [property: JsonPropertyName("asOf")] DateTimeOffset? AsOf,
    [property: JsonPropertyName("monthly")] IReadOnlyList<MonthlyFigure> Monthly,
    [property: JsonPropertyName("yearEnd")] YearEndFigures? YearEnd,
    [property: JsonPropertyName("daily"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DailyFigure>? Daily = null)
{
    /// <summary>
    /// The snapshot; with <paramref name="days"/> (a read of one fund, not a push) it carries the spend by settlement
    /// day too, so the chart is drawn by day — a push leaves it out, as it goes to every watcher on every change.
    /// </summary>
    public static FundSnapshot Of(FundStatus status, IEnumerable<DayTotal>? days = null) => new(
        status.Level,
        status.Id,
        status.Name,
        status.CountyId,
        status.RegionId,
        status.AllianceId,
        status.AllianceType,
        status.FundYear,
        status.AnnualBudget,
        status.FundPaid,
        status.Pace?.ExpectedToDate,
        status.Pace?.UsedShare,
        status.Pace?.TimeShare,
        status.Pace?.ProjectedYearEnd,
        status.Pace?.ProjectedShare,
        status.Pace?.Level?.ToString().ToLowerInvariant(),
        status.ClaimsCounted,
        status.AsOf,
        [.. status.Months.Select(MonthlyFigure.Of)],
        status.YearEnd is { } y ? YearEndFigures.Of(y) : null,
        days is null ? null : [.. days.Select(DailyFigure.Of)]);
}

/// <summary>Fund paid on one settlement day (budget time, Beijing date) and the settlements among its rows.</summary>
public sealed record DailyFigure(
    [property: JsonPropertyName("day")] string Day,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("settlements")] int Settlements)
{
    public static DailyFigure Of(DayTotal total) =>
        new($"{total.Day / 10000:D4}-{total.Day / 100 % 100:D2}-{total.Day % 100:D2}", total.FundPaid, total.Settlements);
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

/// <summary>The year-end settlement preview (结余留用、超支自担) of an alliance or hospital.</summary>
public sealed record YearEndFigures(
    [property: JsonPropertyName("projectedSpend")] decimal ProjectedSpend,
    [property: JsonPropertyName("balance")] decimal Balance,
    [property: JsonPropertyName("surplusShareRetained")] decimal SurplusShareRetained,
    [property: JsonPropertyName("retained")] decimal Retained,
    [property: JsonPropertyName("returnedToFund")] decimal ReturnedToFund,
    [property: JsonPropertyName("overrunBorne")] decimal OverrunBorne,
    [property: JsonPropertyName("rule")] BilingualText Rule)
{
    public static YearEndFigures Of(YearEndPreview preview) => new(
        preview.ProjectedSpend, preview.Balance, preview.SurplusShareRetained, preview.Retained,
        preview.ReturnedToFund, preview.OverrunBorne, new BilingualText(preview.RuleZh, preview.RuleEn));
}

/// <summary>A sentence in Chinese and English.</summary>
public sealed record BilingualText(
    [property: JsonPropertyName("zh")] string Zh,
    [property: JsonPropertyName("en")] string En);
