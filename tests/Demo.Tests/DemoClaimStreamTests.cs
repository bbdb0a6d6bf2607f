using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Claims;
using Monitoring.Ledger;
using Monitoring.Registry;
using Monitoring.Demo;

namespace Monitoring.Demo.Tests;

public sealed class DemoClaimStreamTests(DemoYearFixture year) : IClassFixture<DemoYearFixture>
{
    private IEnumerable<JsonObject> Settlements => year.Claims.Where(c => (string?)c["kind"] == "settlement");

    private IEnumerable<DemoInstitution> NormalInstitutions => year.Scenario.Institutions.Where(i =>
        i.Hospital.HospitalId != DemoPrefecture.HotHospitalId && i.Hospital.AllianceId != DemoPrefecture.HotAllianceId);

    [Fact]
    public void Claims_with_the_same_seed_are_the_same_events()
    {
        var again = new DemoClaimStream(DemoPrefecture.Plan(DemoYearFixture.Seed, 2026), DemoYearFixture.Seed, DemoYearFixture.ClaimsPerYear)
            .Claims().Select(c => c.ToJsonString());

        Assert.Equal(year.Claims.Select(c => c.ToJsonString()), again);
    }

    [Fact]
    public void Claims_with_another_seed_are_other_events()
    {
        var other = new DemoClaimStream(year.Scenario, 7, DemoYearFixture.ClaimsPerYear).Claims().Take(100).Select(c => c.ToJsonString());

        Assert.NotEqual(year.Claims.Take(100).Select(c => c.ToJsonString()), other);
    }

    [Fact]
    public void Claims_all_pass_the_claim_validator()
    {
        var registry = FundRegistry.From(year.Scenario.Registry, 1);
        var refused = year.Claims
            .Select(c => (Claim: c, Verdict: ClaimValidator.Validate(JsonSerializer.SerializeToElement(c, DemoJson.Compact), registry.IsRegistered)))
            .Where(v => !v.Verdict.IsValid)
            .Select(v => $"{v.Claim["claimId"]}: {string.Join("; ", v.Verdict.Errors)}")
            .Take(5);

        Assert.Empty(refused);
    }

    [Fact]
    public async Task Claims_are_all_admitted_by_the_ledger()
    {
        var registry = FundRegistry.From(year.Scenario.Registry, 1);
        var ledger = new InMemoryClaimsLedger();
        var rejected = new List<ClaimRejection>();
        foreach (var batch in year.Claims.Chunk(1_000))
        {
            var submissions = batch.Select((c, i) =>
            {
                var element = JsonSerializer.SerializeToElement(c, DemoJson.Compact);
                return new ClaimSubmission(i, ClaimValidator.Validate(element, registry.IsRegistered).Claim!, ClaimFingerprint.Of(element), element.GetRawText());
            }).ToList();
            var result = await ledger.AppendAsync(submissions, TestContext.Current.CancellationToken);
            rejected.AddRange(result.Rejected);
        }

        Assert.Empty(rejected);
    }

    [Fact]
    public void Claims_have_unique_ids()
    {
        var ids = year.Claims.Select(c => (string)c["claimId"]!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Claims_settledAt_never_decreases()
    {
        var times = year.Claims.Select(DemoClaimStream.SettledAtOf).ToList();

        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.First <= pair.Second, $"{pair.Second} follows {pair.First}"));
    }

    [Fact]
    public void Claims_are_settled_inside_the_fund_year_on_the_china_clock()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

        Assert.All(year.Claims, c =>
        {
            Assert.EndsWith("+08:00", (string)c["settledAt"]!);
            Assert.InRange(DemoClaimStream.SettledAtOf(c), start, start.AddYears(1).AddTicks(-1));
        });
    }

    [Fact]
    public void Claims_reversals_only_reverse_earlier_settlements_once()
    {
        var earlierSettlements = new HashSet<string>();
        var reversed = new HashSet<string>();
        var reversals = 0;
        foreach (var claim in year.Claims)
        {
            if ((string?)claim["kind"] == "reversal")
            {
                var target = (string)claim["reversesClaimId"]!;
                Assert.Contains(target, earlierSettlements);
                Assert.True(reversed.Add(target), $"{target} reversed twice");
                reversals++;
            }
            else
            {
                earlierSettlements.Add((string)claim["claimId"]!);
            }
        }

        Assert.InRange(reversals, DemoYearFixture.ClaimsPerYear * 0.002, DemoYearFixture.ClaimsPerYear * 0.01);
    }

    [Fact]
    public void Claims_discharge_before_settlement_and_admit_before_discharge()
    {
        Assert.All(Settlements, c =>
        {
            var admitted = DateOnly.Parse((string)c["admissionDate"]!);
            var discharged = DateOnly.Parse((string)c["dischargeDate"]!);
            var settled = DateOnly.FromDateTime(DemoClaimStream.SettledAtOf(c).DateTime);
            Assert.True(admitted < discharged && discharged < settled, $"{c["claimId"]}: {admitted} {discharged} {settled}");
        });
    }

    [Fact]
    public void Claims_hot_hospital_ends_well_above_its_budget()
    {
        var hot = year.Scenario.Institutions.Single(i => i.Hospital.HospitalId == DemoPrefecture.HotHospitalId);

        Assert.True(year.SpendShare(hot) > 1.2m, $"hot hospital spent {year.SpendShare(hot):P1} of its budget");
    }

    [Fact]
    public void Claims_normal_hospitals_end_near_their_budgets()
    {
        Assert.All(NormalInstitutions, i => Assert.InRange(year.SpendShare(i), 0.8m, 1.05m));
    }

    [Fact]
    public void Claims_hot_alliance_ends_ahead_of_its_budget()
    {
        var county = year.Scenario.Registry.Regions.SelectMany(r => r.Counties).Single(c => c.CountyId == DemoPrefecture.HotCountyId);
        var alliance = county.Alliances.Single(a => a.AllianceId == DemoPrefecture.HotAllianceId);
        var spent = county.Hospitals.Where(h => h.AllianceId == alliance.AllianceId).Sum(h => year.NetFundPaid[h.HospitalId]);

        Assert.InRange(spent / alliance.AnnualBudget, 1.1m, 1.2m);
    }

    [Fact]
    public void Claims_hot_county_ends_about_eight_percent_over_budget()
    {
        var county = year.Scenario.Registry.Regions.SelectMany(r => r.Counties).Single(c => c.CountyId == DemoPrefecture.HotCountyId);
        var spent = county.Hospitals.Sum(h => year.NetFundPaid[h.HospitalId]);

        Assert.InRange(spent / county.AnnualBudget, 1.05m, 1.11m);
    }

    [Fact]
    public void Claims_other_counties_end_within_budget()
    {
        var others = year.Scenario.Registry.Regions.SelectMany(r => r.Counties).Where(c => c.CountyId != DemoPrefecture.HotCountyId);

        Assert.All(others, c => Assert.InRange(c.Hospitals.Sum(h => year.NetFundPaid[h.HospitalId]) / c.AnnualBudget, 0.8m, 1.0m));
    }

    [Fact]
    public void Claims_spend_follows_the_county_monthly_profile()
    {
        var county = year.Scenario.Registry.Regions.SelectMany(r => r.Counties).Single(c => c.CountyId == DemoPrefecture.HotCountyId);
        var hospitals = county.Hospitals.Select(h => h.HospitalId).ToHashSet();
        var byMonth = Settlements
            .Where(c => hospitals.Contains((string)c["hospitalId"]!))
            .GroupBy(c => DemoClaimStream.SettledAtOf(c).Month)
            .ToDictionary(g => g.Key, g => g.Sum(c => (decimal)c["fundPaid"]!));
        var total = byMonth.Values.Sum();

        Assert.All(Enumerable.Range(1, 12), m => Assert.InRange(byMonth[m] / total, county.MonthlyProfile![m - 1] - 0.002m, county.MonthlyProfile[m - 1] + 0.002m));
    }

    [Fact]
    public void Claims_severity_mix_is_mostly_uncomplicated()
    {
        var split = Settlements.Select(c => (string?)c["drgCode"]).OfType<string>().Select(d => d[3]).Where(s => s != '9').ToList();

        Assert.InRange(split.Count(s => s == '5') / (double)split.Count, 0.55, 0.65);
        Assert.InRange(split.Count(s => s == '3') / (double)split.Count, 0.23, 0.33);
        Assert.InRange(split.Count(s => s == '1') / (double)split.Count, 0.08, 0.16);
    }

    [Fact]
    public void Claims_fund_pays_between_half_and_four_fifths_of_the_cost()
    {
        Assert.All(Settlements, c => Assert.InRange((decimal)c["fundPaid"]! / (decimal)c["totalCost"]!, 0.55m, 0.80m));
    }

    [Fact]
    public void Claims_are_spread_over_every_hospital()
    {
        var hospitals = Settlements.Select(c => (string)c["hospitalId"]!).ToHashSet();

        Assert.Equal(year.Scenario.Institutions.Select(i => i.Hospital.HospitalId).ToHashSet(), hospitals);
    }
}
