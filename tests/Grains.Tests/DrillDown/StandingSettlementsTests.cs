using Monitoring.Claims;
using Monitoring.DrillDown;
using Monitoring.Ledger;

namespace Monitoring.Grains.Tests.DrillDown;

public sealed class StandingSettlementsTests
{
    private static LedgerEntry Settlement(string id, string hospital, DateOnly budgetDate, decimal paid, string? drg = "ES23", string? doctor = "D1") => new(
        new FundMovement(hospital, 1, ClaimKind.Settlement, budgetDate, paid, new DateTimeOffset(budgetDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8))),
        new ClaimEvent
        {
            ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = DateTimeOffset.UnixEpoch, HospitalId = hospital, PatientId = "P-" + id,
            DrgCode = drg, DoctorId = doctor, Department = "呼吸内科", TotalCost = paid * 1.5m, FundPaid = paid,
        },
        "P-" + id);

    private static LedgerEntry Reversal(string id, string target, string hospital, DateOnly budgetDate, decimal paid) => new(
        new FundMovement(hospital, 2, ClaimKind.Reversal, budgetDate, -paid, DateTimeOffset.UnixEpoch),
        new ClaimEvent { ClaimId = id, Kind = ClaimKind.Reversal, ReversesClaimId = target, SettledAt = DateTimeOffset.UnixEpoch },
        "P-" + target);

    [Fact]
    public void Reversed_settlements_and_other_fund_years_are_left_out()
    {
        LedgerEntry[] rows =
        [
            Settlement("a", "H1", new(2026, 3, 1), 100),
            Settlement("b", "H1", new(2026, 3, 2), 200),
            Reversal("b-r", "b", "H1", new(2026, 3, 2), 200),
            Settlement("c", "H1", new(2025, 12, 31), 300),
        ];

        Assert.Equal(["a"], StandingSettlements.Of(rows, 2026).Select(e => e.Claim.ClaimId));
    }

    [Fact]
    public void Cells_group_by_hospital_key_and_month_and_an_ungrouped_claim_has_the_empty_key()
    {
        LedgerEntry[] rows =
        [
            Settlement("a", "H1", new(2026, 3, 1), 100),
            Settlement("b", "H1", new(2026, 3, 9), 200),
            Settlement("c", "H1", new(2026, 4, 1), 50, drg: null),
        ];

        var cells = StandingSettlements.Cells(rows, DrillDownDimension.Drg).OrderBy(c => c.Month).ToList();

        Assert.Equal(new DrillDownCell("H1", "ES23", 3, 2, 450, 300), cells[0]);
        Assert.Equal(new DrillDownCell("H1", "", 4, 1, 75, 50), cells[1]);
    }

    [Fact]
    public void Top_claims_come_largest_fund_paid_first_and_page_by_offset()
    {
        LedgerEntry[] rows = [.. Enumerable.Range(1, 5).Select(i => Settlement($"c{i}", "H1", new(2026, 3, i), i * 100))];
        var query = new TopClaimsQuery(["H1"], 2026, DrillDownDimension.Doctor, "D1", Month: 3, Limit: 2, Offset: 0);

        var first = StandingSettlements.Top(rows, query);
        var last = StandingSettlements.Top(rows, query with { Offset = 4 });

        Assert.Equal(["c5", "c4"], first.Claims.Select(c => c.ClaimId));
        Assert.Equal(2, first.NextOffset);
        Assert.Equal(["c1"], last.Claims.Select(c => c.ClaimId));
        Assert.Null(last.NextOffset);
        Assert.Equal("P-c5", first.Claims[0].PatientId);
    }
}
