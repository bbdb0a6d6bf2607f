using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Registry;

namespace Monitoring.Demo;

/// <summary>
/// The budget pace of every fund account, computed from the claims and the registry alone — not by the pace rules it
/// judges — so that a measurement can hold the alerts against it. Money counts on the China-time day it is settled
/// (a reversal takes its claim's fund pay off on the day of the reversal); the time share follows the county's monthly
/// profile, linear by days within a month, flat by days without one. Read at the end of every day of the fund year.
/// </summary>
public static class BudgetPaceTruth
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static IReadOnlyList<FundPaceTruth> Compute(RegistryDocument registry, IEnumerable<JsonObject> claims)
    {
        var year = registry.FundYear;
        var accounts = new List<(string Level, string Id, string Name, string County, decimal Budget, IReadOnlyList<decimal>? Profile)>();
        var owners = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var county in registry.Regions.SelectMany(r => r.Counties))
        {
            var countyIndex = Add(FundLevel.County, county.CountyId, county.Name, county.CountyId, county.AnnualBudget, county.MonthlyProfile);
            var allianceIndex = county.Alliances.ToDictionary(
                a => a.AllianceId, a => Add(FundLevel.Alliance, a.AllianceId, a.Name, county.CountyId, a.AnnualBudget, county.MonthlyProfile));
            foreach (var hospital in county.Hospitals)
            {
                List<int> owner = [countyIndex];
                if (hospital.AllianceId is { } alliance && allianceIndex.TryGetValue(alliance, out var index))
                {
                    owner.Add(index);
                }

                if (hospital.AnnualBudget is > 0)
                {
                    owner.Add(Add(FundLevel.Hospital, hospital.HospitalId, hospital.Name, county.CountyId, hospital.AnnualBudget.Value, county.MonthlyProfile));
                }

                owners[hospital.HospitalId] = owner;
            }
        }

        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var paidByDay = accounts.Select(_ => new decimal[days]).ToArray();
        var settled = new Dictionary<string, (string Hospital, decimal FundPaid)>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            var at = DateTimeOffset.Parse((string)claim["settledAt"]!, CultureInfo.InvariantCulture).ToOffset(China);
            string hospital;
            decimal paid;
            if ((string?)claim["kind"] == "reversal")
            {
                if (!settled.Remove((string)claim["reversesClaimId"]!, out var original))
                {
                    continue;
                }

                (hospital, paid) = (original.Hospital, -original.FundPaid);
            }
            else
            {
                (hospital, paid) = ((string)claim["hospitalId"]!, (decimal)claim["fundPaid"]!);
                settled[(string)claim["claimId"]!] = (hospital, paid);
            }

            if (at.Year != year || !owners.TryGetValue(hospital, out var owner))
            {
                continue;
            }

            foreach (var index in owner)
            {
                paidByDay[index][at.DayOfYear - 1] += paid;
            }
        }

        return [.. accounts.Select((account, index) => Read(account, paidByDay[index], year))];

        int Add(string level, string id, string name, string county, decimal budget, IReadOnlyList<decimal>? profile)
        {
            accounts.Add((level, id, name, county, budget, profile));
            return accounts.Count - 1;
        }
    }

    private static FundPaceTruth Read(
        (string Level, string Id, string Name, string County, decimal Budget, IReadOnlyList<decimal>? Profile) account, decimal[] paidByDay, int year)
    {
        DateOnly? crossed = null, exhausted = null;
        var maxGap = decimal.MinValue;
        var maxGapOn = new DateOnly(year, 1, 1);
        var spent = 0m;
        for (var i = 0; i < paidByDay.Length; i++)
        {
            var day = new DateOnly(year, 1, 1).AddDays(i);
            spent += paidByDay[i];
            var gap = ((spent / account.Budget) - ExpectedShare(day, account.Profile)) * 100;
            if (gap > maxGap)
            {
                (maxGap, maxGapOn) = (gap, day);
            }

            if (crossed is null && gap >= 10)
            {
                crossed = day;
            }

            if (exhausted is null && spent >= account.Budget)
            {
                exhausted = day;
            }
        }

        return new FundPaceTruth(account.Level, account.Id, account.Name, account.County, account.Budget, crossed, exhausted,
            decimal.Round(maxGap, 2), maxGapOn, decimal.Round(spent / account.Budget, 4));
    }

    /// <summary>The share of the year's budget expected to be spent by the end of <paramref name="day"/>.</summary>
    private static decimal ExpectedShare(DateOnly day, IReadOnlyList<decimal>? profile)
    {
        if (profile is not { Count: 12 })
        {
            return (decimal)day.DayOfYear / (DateTime.IsLeapYear(day.Year) ? 366 : 365);
        }

        return profile.Take(day.Month - 1).Sum() + (profile[day.Month - 1] * day.Day / DateTime.DaysInMonth(day.Year, day.Month));
    }
}
