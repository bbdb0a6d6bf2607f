using System.Text.Json.Nodes;
using Monitoring.Demo;
using Monitoring.Registry;

namespace Monitoring.Demo.Tests;

/// <summary>The budget truth on a tiny registry with a flat year: a county of 3,650 with an alliance and a hospital of 365 each.</summary>
public sealed class BudgetPaceTruthTests
{
    private static readonly RegistryDocument Registry = new(2026,
    [
        new RegionEntry("530900", "r",
        [
            new CountyEntry("530922", "云县", 3_650m,
                [new AllianceEntry("YX", "医共体", "tight", 365m)],
                [
                    new HospitalEntry("H53092200001", "人民医院", 2, "YX", 365m),
                    new HospitalEntry("H53092200201", "民营医院", 1, null, 365m),
                ]),
        ]),
    ]);

    private static JsonObject Settled(string id, string hospital, string day, decimal paid) => new()
    {
        ["claimId"] = id, ["kind"] = "settlement", ["hospitalId"] = hospital, ["settledAt"] = $"{day}T10:00:00+08:00", ["fundPaid"] = paid,
    };

    private static JsonObject Reversal(string id, string reverses, string day) => new()
    {
        ["claimId"] = id, ["kind"] = "reversal", ["reversesClaimId"] = reverses, ["settledAt"] = $"{day}T10:00:00+08:00",
    };

    [Fact]
    public void Crossing_exhaustion_and_keeping_pace_are_read_from_the_claims_by_settlement_day()
    {
        // 0.9 a day all year keeps the private hospital 10% under pace; the people's hospital spends 50 on 10 January
        // (11 points ahead: 50/365 against 10/365) and its budget is gone with 325 more on 1 December, though a
        // reversal on 2 December takes 50 back.
        var claims = new List<JsonObject>();
        for (var day = new DateOnly(2026, 1, 1); day.Year == 2026; day = day.AddDays(1))
        {
            claims.Add(Settled($"S{day:MMdd}", "H53092200201", day.ToString("yyyy-MM-dd"), 0.9m));
        }

        claims.Add(Settled("HOT", "H53092200001", "2026-01-10", 50m));
        claims.Add(Settled("LATE", "H53092200001", "2026-12-01", 325m));
        claims.Add(Reversal("R-HOT", "HOT", "2026-12-02"));
        claims.Sort((a, b) => string.CompareOrdinal((string)a["settledAt"]!, (string)b["settledAt"]!));

        var truth = BudgetPaceTruth.Compute(Registry, claims).ToDictionary(t => (t.Level, t.Id));

        var hot = truth[(FundLevel.Hospital, "H53092200001")];
        Assert.Equal(new DateOnly(2026, 1, 10), hot.CrossedTenPointsOn);
        Assert.Equal(new DateOnly(2026, 12, 1), hot.ExhaustedOn);
        Assert.Equal(325m / 365, hot.EndShare, 4);
        Assert.False(hot.KeptPace);
        Assert.Equal(hot.CrossedTenPointsOn, truth[(FundLevel.Alliance, "YX")].CrossedTenPointsOn);

        var steady = truth[(FundLevel.Hospital, "H53092200201")];
        Assert.Null(steady.CrossedTenPointsOn);
        Assert.Null(steady.ExhaustedOn);
        Assert.True(steady.MaxGapPoints <= 0);
        Assert.Equal(0.9m, steady.EndShare);
        Assert.True(steady.KeptPace);
        Assert.True(truth[(FundLevel.County, "530922")].KeptPace);
    }
}
