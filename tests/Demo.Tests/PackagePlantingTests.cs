using System.Text.Json;
using Monitoring.Assessment;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Registry;
using Monitoring.Settlements;

namespace Monitoring.Demo.Tests;

/// <summary>
/// A demo year through the ledger into the package's statements and the assessment: the statements add up to the fen,
/// and the story the demo plants (耿马's insured out of county, 云县 admitted above the target) shows.
/// </summary>
public sealed class PackagePlantingTests(DemoYearFixture year) : IClassFixture<DemoYearFixture>
{
    private readonly Lazy<Task<(FundRegistry Registry, IReadOnlyList<PackageCell> Cells, decimal Net, decimal Elsewhere)>> _books = new(async () =>
    {
        var registry = FundRegistry.From(year.Scenario.Registry, 1);
        var ledger = new InMemoryClaimsLedger();
        var submissions = year.Claims.Select((claim, i) =>
        {
            var element = JsonSerializer.SerializeToElement(claim);
            var verdict = ClaimValidator.Validate(element, registry.IsRegistered);
            Assert.True(verdict.IsValid, string.Join("; ", verdict.Errors));
            return new ClaimSubmission(i, verdict.Claim!, ClaimFingerprint.Of(element), element.GetRawText());
        }).ToList();
        var admitted = new List<LedgerEntry>();
        foreach (var chunk in submissions.Chunk(5_000))
        {
            admitted.AddRange((await ledger.AppendAsync(chunk)).Accepted);
        }

        var cells = await new LedgerPackageLedger(ledger).CellsAsync([.. registry.Hospitals.Keys], registry.FundYear);
        return (registry, cells, admitted.Sum(e => e.Movement.FundPaid),
            admitted.Where(e => e.Movement.InsuredCountyId == DemoPrefecture.ElsewhereCountyId).Sum(e => e.Movement.FundPaid));
    });

    [Fact]
    public async Task Twelve_pre_settlements_and_the_final_settlement_add_up_to_the_spend_and_the_package()
    {
        var (registry, cells, net, elsewhere) = await _books.Value;
        var tight = registry.Alliances.Values.Where(a => a.Alliance.Type == "tight").Select(a => a.Alliance.AllianceId).ToList();
        Assert.Equal(4, tight.Count);

        var spend = 0m;
        foreach (var allianceId in registry.Alliances.Keys)
        {
            var account = PackageAccount.Find(FundLevel.Alliance, allianceId, registry)!;
            var s = PackageSettlement.Statement(account, registry, cells, new PackageOptions(), new YearEndOptions(), decidedScore: 100m);
            Assert.Equal(s.Final.Spend, s.Months.Sum(m => m.FundPaid));
            Assert.Equal(s.Final.TotalPaid, s.Months.Sum(m => m.Paid) + s.Final.FinalPayment);
            if (account.PerHead)
            {
                // Surplus kept or overrun borne, a tight alliance at full score is paid its package, to the fen.
                Assert.Equal(account.Budget, s.Final.TotalPaid);
            }

            spend += s.Final.Spend;
        }

        // Every county's package pays for its insured wherever treated: together they pay all but the 异地 patients.
        Assert.True(elsewhere > 0);
        Assert.Equal(net - elsewhere, spend);
    }

    [Fact]
    public async Task Gengma_goes_out_of_county_and_yunxian_is_admitted_above_the_target()
    {
        var (registry, cells, _, _) = await _books.Value;

        var gengma = AssessmentIndicators.Read(FundLevel.County, DemoPrefecture.OutboundCountyId, registry, cells, new PackageTerms(), 12);
        var yun = AssessmentIndicators.Read(FundLevel.Alliance, DemoPrefecture.HotAllianceId, registry, cells, new PackageTerms(), 12);

        Assert.Equal("missed", gengma.Indicators.Single(i => i.Code == IndicatorCodes.OutOfCountyRate).Status);
        Assert.InRange(gengma.Indicators.Single(i => i.Code == IndicatorCodes.OutOfCountyRate).Value!.Value, 10.5m, 25m);
        // The populations are sized for the default volume; the fixture plays a tenth of it.
        var scaled = yun.Indicators.Single(i => i.Code == IndicatorCodes.AdmissionRate).Value!.Value
            * DemoPrefecture.PopulationClaimsPerYear / DemoYearFixture.ClaimsPerYear;
        Assert.InRange(scaled, 12.5m, 20m);
        var other = AssessmentIndicators.Read(FundLevel.County, "530921", registry, cells, new PackageTerms(), 12);
        Assert.True(other.Indicators.Single(i => i.Code == IndicatorCodes.AdmissionRate).Value!.Value * 10 < 12m);
    }
}
