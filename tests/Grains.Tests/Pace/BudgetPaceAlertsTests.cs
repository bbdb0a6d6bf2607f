using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Registry;
using Monitoring.Pace;

namespace Monitoring.Grains.Tests.Pace;

public sealed class BudgetPaceAlertsTests
{
    private static readonly FundAccountProfile Hospital =
        new("hospital", "H53092200001", "云县人民医院", "530922", "530900", "YX-TIGHT", "tight", 2026, 180_000_000m, null);

    private static PaceReading Reading(decimal used, decimal time, decimal projected) =>
        new(new DateOnly(2026, 3, 5), 180_000_000m, 180_000_000m * used, 180_000_000m * time, used, time, 180_000_000m * projected, projected, AlertSeverity.Critical);

    [Fact]
    public void Raised_alert_says_how_far_ahead_and_where_the_year_ends_in_both_languages()
    {
        var alert = BudgetPaceAlerts.Pace(Hospital, Reading(0.20m, 0.172m, 1.19m), AlertSeverity.Critical, null,
            AlertTransition.Raised, new PaceThresholds(), DateTimeOffset.UnixEpoch);

        Assert.Equal("云县人民医院：基金使用进度20.0%，超过时间进度17.2%（+2.8个百分点）；按近28天支出推算，全年将达预算的119%。严重预警，请核查支出。", alert.MessageZh);
        Assert.StartsWith("云县人民医院: 20.0% of the annual budget used against 17.2% of the year gone (+2.8 points)", alert.MessageEn);
        Assert.Equal("budget-pace/hospital/H53092200001/20260305/raised", alert.AlertId);
        Assert.Equal(("H53092200001", "YX-TIGHT"), (alert.HospitalId, alert.AllianceId));
        var evidence = JsonDocument.Parse(alert.EvidenceJson).RootElement;
        Assert.Equal(2.8m, evidence.GetProperty("gapPoints").GetDecimal());
        Assert.Equal(1.19m, evidence.GetProperty("projectedShare").GetDecimal());
    }

    [Fact]
    public void Projection_alert_behind_time_share_does_not_claim_to_exceed_it()
    {
        var alert = BudgetPaceAlerts.Pace(Hospital, Reading(0.10m, 0.184m, 1.17m), AlertSeverity.Critical, null,
            AlertTransition.Raised, new PaceThresholds(), DateTimeOffset.UnixEpoch);

        Assert.Contains("对比时间进度18.4%（-8.4个百分点）", alert.MessageZh);
        Assert.DoesNotContain("超过时间进度", alert.MessageZh);
    }
}
