using Monitoring.Watch;
using System.Text.Json.Nodes;
using Monitoring.Alerts;
using Monitoring.LowThreshold;
using Monitoring.Registry;
using Monitoring.Statistics;

namespace Monitoring.Grains.Tests.LowThreshold;

public sealed class LowThresholdAlertsTests
{
    private static readonly LowThresholdOptions Options = new();
    private static readonly HospitalPlacement Place = new("H53090200103", "530902", "530900", "LX-TIGHT");
    private static readonly int Week = SettlementWeek.Of(new DateOnly(2026, 7, 16));

    private static WeekJudgement Raised()
    {
        var steady = (2000L, 80L, 20);
        var alarm = LowThresholdAlarm.Quiet;
        WeekJudgement judged = null!;
        for (var w = Week - 1; w <= Week; w++)
        {
            judged = LowThresholdJudgement.Judge(alarm, w, 100, 15, steady, 0.05, ObservedExpected.Empty, false, Options);
            alarm = judged.Next;
        }

        return judged;
    }

    private static readonly ShortCheapExample[] Examples =
    [
        new("S2", "J06.900", "DT15", 1, 700m, 2400, new DateOnly(2026, 7, 24), true),
        new("S1", "K29.700", "GU25", 2, 900m, 2600, new DateOnly(2026, 7, 21), true),
    ];

    [Fact]
    public void Of_a_raised_finding_names_the_hospital_the_share_its_baseline_and_examples_as_claim_ids()
    {
        var judged = Raised();
        Assert.Equal(AlertTransition.Raised, judged.Transition);

        var alert = LowThresholdAlerts.Of(Place, "蚂蚁堆乡卫生院", judged, AlertTransition.Raised, (1300, 80),
            PeerReference.None with { Peers = 23, MedianShare = 0.038 }, Examples, Options, DateTimeOffset.UnixEpoch);

        Assert.Equal(AlertKinds.LowThresholdAdmission, alert.Kind);
        Assert.Equal(("hospital", Place.HospitalId, Place.HospitalId, "530902", "530900"), (alert.SubjectLevel, alert.SubjectId, alert.HospitalId, alert.CountyId, alert.RegionId));
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(SettlementWeek.End(Week), alert.AsOf);
        Assert.Equal(["S2", "S1"], alert.ClaimIds);
        Assert.Equal(["DT15", "GU25"], alert.DrgCodes);
        Assert.Equal($"low-threshold-admission/{Place.HospitalId}/20260716/raised", alert.AlertId);
        Assert.Contains("蚂蚁堆乡卫生院", alert.MessageZh);
        Assert.Contains("降低住院指征收治住院", alert.MessageZh);
        Assert.Contains("15.0%", alert.MessageZh);   // 30 of 200 since the onset
        Assert.Contains("4.", alert.MessageEn);       // the baseline, about 4%

        var evidence = JsonNode.Parse(alert.EvidenceJson)!;
        Assert.Equal(0.15, (double)evidence["shareNow"]!, 9);
        Assert.Equal(200, (long)evidence["stays"]!);
        Assert.Equal("2026-07-09", (string)evidence["cusum"]!["onset"]!);   // a settlement week starts on the weekday of 1 January
        Assert.Equal(0.038, (double)evidence["peerShare"]!, 9);
        Assert.Equal(["own-baseline"], evidence["signals"]!.AsArray().Select(s => (string)s!));
        var first = evidence["examples"]![0]!;
        Assert.Equal(("S2", "J06.900", "DT15", 1, 700m, 2400.0), ((string)first["claimId"]!, (string)first["principalDiagnosis"]!,
            (string)first["drgCode"]!, (int)first["lengthOfStay"]!, (decimal)first["totalCost"]!, (double)first["drgMedianCost"]!));
        Assert.Equal(0.292, (double)first["costToMedian"]!, 3);
    }

    [Fact]
    public void Of_a_cleared_finding_is_a_notice_resting_on_no_claims()
    {
        var judged = Raised();

        var alert = LowThresholdAlerts.Of(Place, null, judged with { Next = LowThresholdAlarm.Quiet }, AlertTransition.Cleared, (1300, 50),
            PeerReference.None, Examples, Options, DateTimeOffset.UnixEpoch);

        Assert.Equal(AlertSeverity.Notice, alert.Severity);
        Assert.Empty(alert.ClaimIds);
        Assert.EndsWith("/cleared", alert.AlertId, StringComparison.Ordinal);
        Assert.Contains("预警解除", alert.MessageZh);
    }
}
