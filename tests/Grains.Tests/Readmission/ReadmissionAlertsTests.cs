using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Readmission;
using Monitoring.Registry;
using static Monitoring.Grains.Tests.Readmission.TestStays;

namespace Monitoring.Grains.Tests.Readmission;

public sealed class ReadmissionAlertsTests
{
    private static readonly HospitalPlacement CountyHospital = new("H53092200001", "530922", "530900", "YX-TIGHT");
    private static readonly HospitalPlacement Township = new("H53092200101", "530922", "530900", "YX-TIGHT");
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static string? Name(string hospitalId) => hospitalId switch
    {
        "H53092200001" => "云县人民医院",
        "H53092200101" => "爱华镇卫生院",
        _ => null,
    };

    private static SuspiciousPair Pair()
    {
        var window = new StayWindow(new ReadmissionThresholds());
        window.Settle("P-1a2b3c4d", Stay("S1", 0, 5, disposition: '4', fundPaid: 5_600m, hospital: "H53092200001"));
        var changes = window.Settle("P-1a2b3c4d", Stay("S2", 9, 12, "J18.100", "ES21", fundPaid: 4_000.50m, hospital: "H53092200101"));
        return Assert.Single(changes.Raised);
    }

    [Fact]
    public void Pair_alert_id_derives_from_the_two_claims_without_naming_either()
    {
        var pair = Pair();

        var once = ReadmissionAlerts.Pair(pair, Township, CountyHospital, Name, Now);
        var again = ReadmissionAlerts.Pair(pair, Township, CountyHospital, Name, Now.AddHours(1));

        // SHA-256("S1>S2"), its first 32 hex digits: the same as migration 0035 computes in SQL.
        Assert.Equal("split-hospitalization/pair/32eea56821053046e08b0c37c79c06ee", once.AlertId);
        Assert.DoesNotContain("S1", once.AlertId, StringComparison.Ordinal);
        Assert.Equal(once.AlertId, again.AlertId);
        Assert.NotEqual(once.AlertId, ReadmissionAlerts.PairAlertId("S2>S1"));
    }

    [Fact]
    public void A_pair_id_stored_before_the_digest_reads_in_the_digest_form_and_other_ids_as_they_are()
    {
        Assert.Equal(ReadmissionAlerts.PairAlertId("S1>S2"), ReadmissionAlerts.CurrentPairAlertId("split-hospitalization/pair/S1>S2"));
        var digest = ReadmissionAlerts.PairAlertId("S1>S2");
        Assert.Equal(digest, ReadmissionAlerts.CurrentPairAlertId(digest));
        Assert.Equal("split-hospitalization/rate/H1/20260501/raised", ReadmissionAlerts.CurrentPairAlertId("split-hospitalization/rate/H1/20260501/raised"));
        Assert.Equal("CLM-9", ReadmissionAlerts.CurrentPairAlertId("CLM-9"));
    }

    [Fact]
    public void Pair_alert_names_the_claims_first_then_second_and_both_drgs()
    {
        var alert = ReadmissionAlerts.Pair(Pair(), Township, CountyHospital, Name, Now);

        Assert.Equal(["S1", "S2"], alert.ClaimIds);
        Assert.Equal(["ES23", "ES21"], alert.DrgCodes);
    }

    [Fact]
    public void Pair_alert_is_addressed_to_the_readmitting_hospital_as_of_the_later_settlement()
    {
        var alert = ReadmissionAlerts.Pair(Pair(), Township, CountyHospital, Name, Now);

        Assert.Equal(("hospital", "H53092200101", "H53092200101"), (alert.SubjectLevel, alert.SubjectId, alert.HospitalId));
        Assert.Equal(("530922", "530900", "YX-TIGHT"), (alert.CountyId, alert.RegionId, alert.AllianceId));
        Assert.Equal(SettledOn(13), alert.AsOf);
        // Four days is a warning; the first stay's discharge against medical advice makes it critical.
        Assert.Equal((AlertTransition.Raised, AlertSeverity.Critical), (alert.Transition, alert.Severity));
    }

    [Fact]
    public void Pair_evidence_has_the_rule_parts_the_aggravations_and_both_stays()
    {
        var evidence = JsonDocument.Parse(ReadmissionAlerts.Pair(Pair(), Township, CountyHospital, Name, Now).EvidenceJson).RootElement;

        Assert.Equal(4, evidence.GetProperty("intervalDays").GetInt32());
        Assert.Equal(15, evidence.GetProperty("windowDays").GetInt32());
        Assert.True(evidence.GetProperty("sameDiagnosisCategory").GetBoolean());
        Assert.True(evidence.GetProperty("sameAdrg").GetBoolean());
        Assert.Equal("non-medical-advice-discharge", evidence.GetProperty("aggravations")[0].GetString());
        Assert.Equal("P-1a2b3c4d", evidence.GetProperty("patientId").GetString());
        var first = evidence.GetProperty("first");
        Assert.Equal("S1", first.GetProperty("claimId").GetString());
        Assert.Equal("云县人民医院", first.GetProperty("hospitalName").GetString());
        Assert.Equal("2026-03-06", first.GetProperty("dischargeDate").GetString());
        Assert.Equal(5, first.GetProperty("lengthOfStay").GetInt32());
        Assert.Equal("4", first.GetProperty("disposition").GetString());
        Assert.Equal(5_600m, first.GetProperty("fundPaid").GetDecimal());
        var second = evidence.GetProperty("second");
        Assert.Equal(("S2", "H53092200101", "J18.100", "ES21"), (second.GetProperty("claimId").GetString(), second.GetProperty("hospitalId").GetString(),
            second.GetProperty("principalDiagnosis").GetString(), second.GetProperty("drgCode").GetString()));
        Assert.Equal(8_000m, second.GetProperty("totalCost").GetDecimal());
        Assert.Equal(SettledOn(13), second.GetProperty("settledAt").GetDateTimeOffset());
    }

    [Fact]
    public void Pair_messages_name_both_hospitals_and_the_interval_without_the_patient()
    {
        var alert = ReadmissionAlerts.Pair(Pair(), Township, CountyHospital, Name, Now);

        Assert.StartsWith("疑似分解住院：患者于云县人民医院出院（2026-03-06，J18.900）后 4 天再次入住爱华镇卫生院（2026-03-10，J18.100）", alert.MessageZh);
        Assert.Contains("统筹支付共 9,601 元", alert.MessageZh);
        Assert.Contains("非医嘱离院", alert.MessageZh);
        Assert.StartsWith("Suspected split hospitalization: patient discharged from 云县人民医院 on 2026-03-06", alert.MessageEn);
        Assert.Contains("readmitted to 爱华镇卫生院 4 days later", alert.MessageEn);
        Assert.DoesNotContain("P-1a2b3c4d", alert.MessageZh + alert.MessageEn);
    }

    [Fact]
    public void Pair_message_falls_back_to_the_hospital_id_without_a_name()
    {
        var alert = ReadmissionAlerts.Pair(Pair(), Township, CountyHospital, _ => null, Now);

        Assert.Contains("患者于H53092200001出院", alert.MessageZh);
    }

    private static readonly RateJudgement Crossing = new(
        new RateTrack(13.5, new DateOnly(2026, 4, 1), 36, 15.2, 4_350, 0, true, new DateOnly(2026, 6, 30), null), AlertTransition.Raised, 13.2);

    private static readonly RateReference LevelRate = new(0.0035, 12, 52_000, 182, SameLevel: true);

    [Fact]
    public void Rate_alert_id_derives_from_hospital_day_and_transition()
    {
        var alert = ReadmissionAlerts.Rate(CountyHospital, "云县人民医院", new DateOnly(2026, 6, 30), Crossing, LevelRate,
            AlertTransition.Raised, new ReadmissionThresholds(), Now);

        Assert.Equal("split-hospitalization/rate/H53092200001/20260630/raised", alert.AlertId);
        Assert.Empty(alert.ClaimIds);
        Assert.Equal(("hospital", "H53092200001", AlertSeverity.Warning), (alert.SubjectLevel, alert.SubjectId, alert.Severity));
    }

    [Fact]
    public void Rate_alert_gives_observed_expected_ratio_and_tail_in_evidence_and_words()
    {
        var alert = ReadmissionAlerts.Rate(CountyHospital, "云县人民医院", new DateOnly(2026, 6, 30), Crossing, LevelRate,
            AlertTransition.Raised, new ReadmissionThresholds(), Now);
        var evidence = JsonDocument.Parse(alert.EvidenceJson).RootElement;

        Assert.Equal((36, 15.2, 2.368, 4_350, "2026-04-01", 0.0035, 12), (evidence.GetProperty("observed").GetInt32(), evidence.GetProperty("expected").GetDouble(),
            evidence.GetProperty("ratio").GetDouble(), evidence.GetProperty("discharges").GetInt32(), evidence.GetProperty("onset").GetString(),
            evidence.GetProperty("referenceRate").GetDouble(), evidence.GetProperty("referencePeers").GetInt32()));
        // P(X ≥ 36) for X ~ Poisson(15.2) is about 2e-6.
        Assert.InRange(evidence.GetProperty("tail").GetDouble(), 1e-7, 1e-5);
        Assert.Contains("4350 例出院中 36 例", alert.MessageZh);
        Assert.Contains("应约 15.2 例，为预期的 2.4 倍", alert.MessageZh);
        Assert.Contains("36 suspect 15-day readmissions in 4350 discharges since 2026-04-01, against 15.2 expected", alert.MessageEn);
    }
}
