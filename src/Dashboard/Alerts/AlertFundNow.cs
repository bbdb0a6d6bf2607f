using System.Text.Json.Serialization;
using Monitoring.Funds.Snapshots;

namespace Monitoring.Dashboard.Alerts;

/// <summary>
/// A budget alert's fund as it stands now, beside the figures in the alert's evidence (as they stood when raised):
/// whoever reads an alert raised at +3.5 points sees at once that the fund is at +35 now.
/// </summary>
public sealed record AlertFundNow(
    [property: JsonPropertyName("day")] DateOnly Day,
    [property: JsonPropertyName("fundPaid")] decimal FundPaid,
    [property: JsonPropertyName("annualBudget")] decimal AnnualBudget,
    [property: JsonPropertyName("usedShare")] decimal UsedShare,
    [property: JsonPropertyName("timeShare")] decimal TimeShare,
    [property: JsonPropertyName("gapPoints")] decimal GapPoints,
    [property: JsonPropertyName("projectedShare")] decimal ProjectedShare,
    [property: JsonPropertyName("level")] string? Level)
{
    public static AlertFundNow? Of(FundStatus status) => status.Pace is not { } pace
        ? null
        : new(pace.Day, pace.FundPaid, pace.AnnualBudget, pace.UsedShare, pace.TimeShare, decimal.Round(pace.GapPoints, 2),
            pace.ProjectedShare, pace.Level?.ToString().ToLowerInvariant());
}

/// <summary>Who acknowledged an alert, when and why, as <c>alert.schema.json</c> § acknowledged has it.</summary>
public sealed record AcknowledgementDocument(
    [property: JsonPropertyName("by")] string By,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("role")] string? Role = null);
