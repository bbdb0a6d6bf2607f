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

        Assert.Equal(
            "云县人民医院：截至2026年3月5日，基金已支付3,600.00万元，占年度预算18,000.00万元的20.0%，超过时间进度17.2%（+2.8个百分点）。"
            + "预计全年支出21,420.00万元，为预算的119.0%（可信下限119.0%）。严重预警，请核查支出。", alert.MessageZh);
        Assert.StartsWith("云县人民医院: as of 2026-03-05, ¥36.00M paid, 20.0% of the annual budget of ¥180.00M against 17.2% of the year gone (+2.8 points)", alert.MessageEn);
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

public sealed class BudgetExhaustedAlertsTests
{
    [Fact]
    public void Exhaustion_names_the_day_and_the_amounts_in_wan_yuan()
    {
        var county = new FundAccountProfile("county", "530922", "云县", "530922", "530900", null, null, 2026, 250_000_000m, null);
        var reading = new PaceReading(new DateOnly(2026, 12, 9), 250_000_000m, 250_125_000m, 0, 1.0005m, 0.94m, 0, 0, AlertSeverity.Critical);
        var alert = BudgetPaceAlerts.Exhausted(county, reading, AlertTransition.Raised, DateTimeOffset.UnixEpoch);
        Assert.Equal("云县：2026年12月9日年度预算已用尽，基金已支付25,012.50万元，预算25,000.00万元，此后支出均为超支。", alert.MessageZh);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }
}
