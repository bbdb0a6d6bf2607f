using Monitoring.Claims;
using Monitoring.Readmission;

namespace Monitoring.Grains.Tests.Readmission;

public sealed class StayTests
{
    private static ClaimEvent Settlement(string claimId = "S1", DateTimeOffset? settledAt = null) => new()
    {
        ClaimId = claimId,
        Kind = ClaimKind.Settlement,
        SettledAt = settledAt ?? new DateTimeOffset(2026, 3, 31, 17, 0, 0, TimeSpan.Zero),
        PatientId = "P-1a2b3c4d",
        HospitalId = "H53092200001",
        AdmissionDate = new DateOnly(2026, 3, 20),
        DischargeDate = new DateOnly(2026, 3, 30),
        DischargeDisposition = "4",
        PrincipalDiagnosis = "J18.900",
        DrgCode = "ES23",
        TotalCost = 9_000.50m,
        FundPaid = 6_300.35m,
    };

    [Fact]
    public void From_settlement_takes_the_settlement_day_on_the_china_clock()
    {
        var stay = Stay.From(Settlement());

        // 17:00 UTC on 31 March is 01:00 on 1 April in Beijing.
        Assert.Equal(new DateOnly(2026, 4, 1), stay?.SettledDay);
    }

    [Fact]
    public void From_settlement_derives_category_adrg_and_length_of_stay()
    {
        var stay = Stay.From(Settlement())!;

        Assert.Equal(("J18", "ES2", 10, '4'), (stay.DiagnosisCategory, stay.Adrg, stay.LengthOfStay, stay.Disposition));
        Assert.Equal((9_000.50m, 6_300.35m), (stay.TotalCost, stay.FundPaid));
    }

    [Fact]
    public void From_reversal_is_no_stay() =>
        Assert.Null(Stay.From(Settlement() with { Kind = ClaimKind.Reversal, ReversesClaimId = "S0" }));

    [Fact]
    public void From_settlement_without_dates_is_no_stay() =>
        Assert.Null(Stay.From(Settlement() with { AdmissionDate = null }));

    [Fact]
    public void Same_day_stay_counts_one_day() =>
        Assert.Equal(1, Stay.From(Settlement() with { AdmissionDate = new DateOnly(2026, 3, 30) })?.LengthOfStay);

    [Fact]
    public void Stays_made_with_one_pool_share_their_codes()
    {
        var codes = new CodePool();
        var a = Stay.From(Settlement("S1"), codes)!;
        var b = Stay.From(Settlement("S2") with { DrgCode = new string("ES23".AsSpan()) }, codes)!;

        Assert.Same(a.DrgCode, b.DrgCode);
        Assert.Same(a.Adrg, b.Adrg);
        Assert.Same(a.DiagnosisCategory, b.DiagnosisCategory);
    }
}
