using Monitoring.Claims;
using Monitoring.Ledger;

namespace Monitoring.Grains.Tests.Ledger;

public sealed class InMemoryClaimsLedgerTests
{
    private static ClaimSubmission Settlement(int index, string id, string hospital, decimal paid) =>
        new(index, new ClaimEvent
        {
            ClaimId = id, Kind = ClaimKind.Settlement, SettledAt = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            HospitalId = hospital, PatientId = "P", FundPaid = paid,
        }, [(byte)index], "{}");

    [Fact]
    public async Task Movements_read_back_in_the_requested_ranges()
    {
        var ledger = new InMemoryClaimsLedger();
        await ledger.AppendAsync([Settlement(0, "A", "H1", 1), Settlement(1, "B", "H1", 2), Settlement(2, "C", "H2", 3), Settlement(3, "D", "H1", 4)]);
        var read = new List<FundMovement>();
        await foreach (var m in ledger.ReadMovementsAsync([new HospitalCursor("H1", 1, 2), new HospitalCursor("H2", 0)]))
        {
            read.Add(m);
        }

        Assert.Equal([("H1", 2L, 2m), ("H2", 1L, 3m)], read.Select(m => (m.HospitalId, m.HospitalSeq, m.FundPaid)));
    }

    [Fact]
    public async Task Accepted_rows_follow_append_order()
    {
        var ledger = new InMemoryClaimsLedger();
        var first = await ledger.AppendAsync([Settlement(0, "A", "H1", 1)]);
        var second = await ledger.AppendAsync([Settlement(0, "B", "H2", 1), Settlement(1, "C", "H1", 1)]);
        Assert.Equal([("A", 1L), ("B", 1L), ("C", 2L)], first.Accepted.Concat(second.Accepted).Select(e => (e.Claim.ClaimId, e.Movement.HospitalSeq)));
    }
}
