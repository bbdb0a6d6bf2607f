using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Monitoring.Demo;
using Monitoring.Testing;

namespace Monitoring.Silo.Tests.Demo;

/// <summary>The embedded demo's year loop: a year compressed to seconds ends, the next fund year starts, and each year's account is exact.</summary>
public sealed class DemoYearLoopTests
{
    private const int Seed = 2026;
    private const int ClaimsPerYear = DemoClaimStream.MinimumClaims;

    [Fact]
    public async Task A_finished_demo_year_starts_the_next_and_each_year_counts_only_its_own_claims()
    {
        await using var host = await RunningHost.StartAsync(
            "--Monitoring:Demo:Enabled=true",
            "--Monitoring:Registry:Path=",
            $"--Monitoring:Demo:Seed={Seed}",
            "--Monitoring:Demo:FundYear=2026",
            "--Monitoring:Demo:YearMinutes=0.1",
            $"--Monitoring:Demo:ClaimsPerYear={ClaimsPerYear}",
            "--Monitoring:Demo:BatchInterval=00:00:00.050");
        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        const string hospital = DemoPrefecture.HotHospitalId;
        var expected = new Dictionary<int, decimal> { [2026] = FundPaidBy(hospital, 2026), [2027] = FundPaidBy(hospital, 2027) };

        // Wait until 2027 is in force or later and both years' months hold exactly what the claims of that year say.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        int fundYear;
        Dictionary<int, decimal> counted;
        do
        {
            await Task.Delay(200, deadline.Token);
            var status = await regulator.GetFromJsonAsync<JsonElement>($"/api/funds/hospital/{hospital}", deadline.Token);
            fundYear = status.GetProperty("fundYear").GetInt32();
            counted = status.GetProperty("monthly").EnumerateArray()
                .GroupBy(m => int.Parse(m.GetProperty("month").GetString()![..4], CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.Sum(m => m.GetProperty("fundPaid").GetDecimal()));
        }
        while (fundYear < 2028 || counted.GetValueOrDefault(2026) != expected[2026] || counted.GetValueOrDefault(2027) != expected[2027]);

        Assert.True(expected[2026] > 0 && expected[2027] > 0);
        Assert.Equal(expected[2026], counted[2026]);
        Assert.Equal(expected[2027], counted[2027]);

        // The registry in force is the new year's, and the year in force reports only its own spend.
        var registry = await regulator.GetFromJsonAsync<JsonElement>("/api/registry", deadline.Token);
        Assert.True(registry.GetProperty("fundYear").GetInt32() >= 2028);
    }

    [Fact]
    public async Task After_the_loop_the_previous_years_twelve_monthly_reports_are_reachable_and_year_scoped_figures_are_of_the_year_in_force()
    {
        await using var host = await RunningHost.StartAsync(
            "--Monitoring:Demo:Enabled=true",
            "--Monitoring:Registry:Path=",
            $"--Monitoring:Demo:Seed={Seed}",
            "--Monitoring:Demo:FundYear=2026",
            "--Monitoring:Demo:YearMinutes=0.3",
            $"--Monitoring:Demo:ClaimsPerYear={ClaimsPerYear}",
            "--Monitoring:Demo:BatchInterval=00:00:00.050");
        using var regulator = host.Client(host.Token("regulator", "region:530900"));
        using var hospital = host.Client(host.Token("hospital", $"hospital:{DemoPrefecture.HotHospitalId}"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        async Task<int> YearInForceAsync() => (await regulator.GetFromJsonAsync<JsonElement>("/api/registry", deadline.Token)).GetProperty("fundYear").GetInt32();

        while (await YearInForceAsync() < 2028)
        {
            await Task.Delay(200, deadline.Token);
        }

        var before = await YearInForceAsync();
        var previous = before - 1;
        // The README's report link of a month of an earlier year: that year's report, not 400 (issue 26).
        foreach (var month in Enumerable.Range(1, 12).Select(m => $"{previous}-{m:D2}"))
        {
            using var response = await regulator.GetAsync($"/api/reports/monthly/county/530922?month={month}", deadline.Token);
            Assert.True(response.IsSuccessStatusCode, $"{month}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline.Token)}");
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            Assert.Equal((previous, month), (report.GetProperty("fundYear").GetInt32(), report.GetProperty("month").GetString()));
        }

        using (var workbook = await regulator.GetAsync($"/api/reports/monthly/county/530922?month={previous}-03&format=xlsx", deadline.Token))
        {
            Assert.True(workbook.IsSuccessStatusCode);
        }

        var summary = await regulator.GetFromJsonAsync<JsonElement>("/api/cases/summary", deadline.Token);
        var casemix = await hospital.GetFromJsonAsync<JsonElement>($"/api/casemix/hospital/{DemoPrefecture.HotHospitalId}", deadline.Token);
        var newest = await regulator.GetFromJsonAsync<JsonElement>("/api/cases?sort=newest&limit=1", deadline.Token);
        var after = await YearInForceAsync();

        // Every year-scoped figure is of the year in force (which may have moved on while these were read).
        Assert.InRange(summary.GetProperty("year").GetInt32(), before, after);
        var casemixYear = casemix.GetProperty("fundYear").GetInt32();
        Assert.InRange(casemixYear, before, after);
        if (casemix.GetProperty("asOf").ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(casemixYear, DateOnly.Parse(casemix.GetProperty("asOf").GetString()!, CultureInfo.InvariantCulture).Year);
        }

        // Cases are stamped in settlement time: the newest opened in the demo's year, not the wall clock's.
        var opened = Assert.Single(newest.EnumerateArray()).GetProperty("openedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).Year;
        Assert.InRange(opened, previous, after);
    }

    /// <summary>The hospital's fund paid in <paramref name="fundYear"/> as the demo's own claims of that year have it: settlements less reversals.</summary>
    private static decimal FundPaidBy(string hospitalId, int fundYear)
    {
        var scenario = BudgetPlanting.Plant(DemoPrefecture.Plan(Seed, fundYear), fundYear).Scenario;
        var claims = new DemoClaimStream(scenario, Seed, ClaimsPerYear).Claims().ToList();
        var paid = claims.Where(c => (string?)c["kind"] == "settlement")
            .ToDictionary(c => (string)c["claimId"]!, c => ((string)c["hospitalId"]!, (decimal)c["fundPaid"]!));
        var total = 0m;
        foreach (var claim in claims)
        {
            var year = DemoClaimStream.SettledAtOf(claim).ToOffset(TimeSpan.FromHours(8)).Year;
            var (owner, amount) = (string?)claim["kind"] == "settlement" ? paid[(string)claim["claimId"]!] : paid[(string)claim["reversesClaimId"]!];
            if (owner == hospitalId && year == fundYear)
            {
                total += (string?)claim["kind"] == "settlement" ? amount : -amount;
            }
        }

        return total;
    }
}
