using System.Text.Json;
using Monitoring.Alerts;
using Monitoring.Readmission;
using Monitoring.Registry;
using static Monitoring.Grains.Tests.Readmission.TestStays;

namespace Monitoring.Grains.Tests.Alerts;

/// <summary>What a hospital may read of its own alert (issue 25, items 1 and 2): the rule every hospital-facing view applies.</summary>
public sealed class HospitalAlertViewTests
{
    private static readonly HospitalPlacement CountyHospital = new("H53092200001", "530922", "530900", "YX-TIGHT");
    private static readonly HospitalPlacement Township = new("H53092200101", "530922", "530900", "YX-TIGHT");
    /// <summary>Chinese as written, so that a name is found as a name.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static string? Name(string hospitalId) => hospitalId switch
    {
        "H53092200001" => "云县人民医院",
        "H53092200101" => "茶房中心卫生院",
        _ => null,
    };

    /// <summary>Discharged from the county hospital (against advice, ¥5,600), readmitted to the township four days later.</summary>
    private static Alert AcrossTwoMembers()
    {
        var window = new StayWindow(new ReadmissionThresholds());
        window.Settle("P-1a2b3c4d", Stay("S1", 0, 5, disposition: '4', fundPaid: 5_600m, hospital: "H53092200001"));
        var pair = Assert.Single(window.Settle("P-1a2b3c4d", Stay("S2", 9, 12, "J18.100", "ES21", fundPaid: 4_000.50m, hospital: "H53092200101")).Raised);
        return ReadmissionAlerts.Pair(pair, Township, CountyHospital, Name, Now);
    }

    private static Alert AtOneHospital()
    {
        var window = new StayWindow(new ReadmissionThresholds());
        window.Settle("P-9", Stay("T1", 0, 5, fundPaid: 5_600m, hospital: "H53092200101"));
        var pair = Assert.Single(window.Settle("P-9", Stay("T2", 9, 12, fundPaid: 4_000.50m, hospital: "H53092200101")).Raised);
        return ReadmissionAlerts.Pair(pair, Township, Township, Name, Now);
    }

    [Fact]
    public void An_officials_acknowledgement_is_shown_by_role_without_subject_or_note()
    {
        var alert = AtOneHospital() with { Acknowledged = new AlertAcknowledgement("insp-wang", Now, "doctor D-17 again, see the ward roster", "inspector") };

        var seen = HospitalAlertView.For(alert).Acknowledged!;

        Assert.Equal(("inspector", (string?)null, Now), (seen.By, seen.Note, seen.At));
        Assert.Equal("医保稽核 / insurance inspector", HospitalAlertView.Words(seen.By));
    }

    [Fact]
    public void An_acknowledgement_stored_without_its_role_is_shown_as_an_officials()
    {
        var seen = HospitalAlertView.For(AtOneHospital() with { Acknowledged = new AlertAcknowledgement("reg-li", Now, "internal") }).Acknowledged!;

        Assert.Equal((HospitalAlertView.Official, (string?)null), (seen.By, seen.Note));
    }

    [Fact]
    public void The_hospitals_own_acknowledgement_reads_as_it_wrote_it()
    {
        var own = new AlertAcknowledgement("hospital-1", Now, "病历已调阅", "hospital");

        Assert.Equal(own, HospitalAlertView.For(AtOneHospital() with { Acknowledged = own }).Acknowledged);
    }

    [Fact]
    public void A_pair_at_one_hospital_reads_as_stored()
    {
        var alert = AtOneHospital();

        Assert.Equal(alert, HospitalAlertView.For(alert));
    }

    [Fact]
    public void The_other_members_stay_is_reduced_to_its_dates()
    {
        var seen = HospitalAlertView.For(AcrossTwoMembers());

        using var evidence = JsonDocument.Parse(seen.EvidenceJson);
        var first = evidence.RootElement.GetProperty("first");
        Assert.Equal(["atAnotherMember", "admissionDate", "dischargeDate"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2026-03-01", "2026-03-06"), (first.GetProperty("admissionDate").GetString(), first.GetProperty("dischargeDate").GetString()));
        Assert.Equal("S2", evidence.RootElement.GetProperty("second").GetProperty("claimId").GetString());
        Assert.Equal(["S2"], seen.ClaimIds);
        Assert.Equal(["ES21"], seen.DrgCodes);
    }

    [Fact]
    public void Nothing_of_the_other_members_stay_but_its_dates_is_left_in_any_field()
    {
        var stored = AcrossTwoMembers();
        var seen = HospitalAlertView.For(stored);
        var text = JsonSerializer.Serialize(seen, Readable);

        // The other stay's claim id is part of the alert id (acknowledging refers to it); nowhere else.
        foreach (var secret in new[] { "云县人民医院", "H53092200001", "5600", "9,601", "ES23", "J18.900" })
        {
            Assert.Contains(secret, JsonSerializer.Serialize(stored with { AlertId = "" }, Readable), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, text.Replace(seen.AlertId, "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("S1", (text.Replace(seen.AlertId, "", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("另一成员医院", seen.MessageZh, StringComparison.Ordinal);
        Assert.Contains("another member hospital", seen.MessageEn, StringComparison.Ordinal);
        Assert.Contains("4,001", seen.MessageZh, StringComparison.Ordinal);
    }
}
