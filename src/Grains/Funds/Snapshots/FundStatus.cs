using Monitoring.Pace;

namespace Monitoring.Funds.Snapshots;

/// <summary>
/// A fund account's live status: who it is (from the registry), its balance, its pace and its year-end preview.
/// What <c>GET /api/funds/{level}/{id}</c> returns and the hub pushes as <c>fund</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundStatus
{
    [Id(0)] public required string Level { get; init; }
    [Id(1)] public required string Id { get; init; }
    [Id(2)] public required string Name { get; init; }
    [Id(3)] public required string CountyId { get; init; }
    [Id(4)] public required string RegionId { get; init; }
    [Id(5)] public string? AllianceId { get; init; }

    /// <summary><c>tight</c> or <c>loose</c>: of the alliance itself, or of a member hospital's alliance.</summary>
    [Id(6)] public string? AllianceType { get; init; }

    [Id(7)] public required int FundYear { get; init; }
    [Id(8)] public decimal? AnnualBudget { get; init; }
    [Id(9)] public required decimal FundPaid { get; init; }
    [Id(10)] public required long ClaimsCounted { get; init; }
    [Id(11)] public DateTimeOffset? AsOf { get; init; }
    [Id(12)] public MonthTotal[] Months { get; init; } = [];
    [Id(13)] public PaceReading? Pace { get; init; }
    [Id(14)] public YearEndPreview? YearEnd { get; init; }
}
