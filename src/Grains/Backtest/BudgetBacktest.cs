using Monitoring.Alerts;
using Monitoring.Claims;
using Monitoring.Funds;
using Monitoring.Ledger;
using Monitoring.Pace;
using Monitoring.Registry;
using Monitoring.Rules;

namespace Monitoring.Backtest;

/// <summary>
/// Backtests a version of the budget-pace rule: the settlement days of every account in its scope (county fund,
/// alliances, hospitals with a budget) are summed from the ledger as the accounts sum them, and the fund year is
/// judged twice from 1 January, under the library in force and under the library with the version published; the
/// alerts of the period are compared. Judging from 1 January, not from the period's start, is what makes the levels
/// in force at the start (and their dwell) the live ones. Reads the ledger and nothing else.
/// </summary>
public sealed class BudgetBacktest(IClaimsLedger ledger, RuleBook rules, TimeProvider clock) : IRuleBacktest
{
    public string RuleId => RuleIds.BudgetPace;

    public async Task<BacktestOutcome> RunAsync(BacktestRequest request, RuleLibrary live, FundRegistry registry, BacktestProgress progress, CancellationToken cancellationToken)
    {
        var tried = IRuleBacktest.Tried(request, live);
        var counties = BacktestPlaces.Counties(request.Scope, registry);
        var yearStart = new DateTimeOffset(new DateOnly(registry.FundYear, 1, 1).ToDateTime(TimeOnly.MinValue), BudgetClock.ChinaOffset);
        List<BacktestFinding> before = [], after = [];
        long read = 0;
        for (var i = 0; i < counties.Length; i++)
        {
            var county = counties[i];
            var byHospital = county.Hospitals.ToDictionary(h => h.HospitalId, _ => new AccountDays(), StringComparer.Ordinal);
            await foreach (var row in ledger.ReadRecentAsync(byHospital.Keys, yearStart, cancellationToken))
            {
                if (BudgetClock.BudgetDate(row.Movement.SettledAt) <= request.To)
                {
                    byHospital[row.Movement.HospitalId].Add(row.Movement);
                }

                if (++read % 5_000 == 0)
                {
                    progress((i + 0.5) / counties.Length, read);
                }
            }

            foreach (var (level, id, members) in Accounts(county))
            {
                if (FundAccountProfile.Find(level, id, registry) is not { AnnualBudget: > 0 } profile)
                {
                    continue;
                }

                var days = AccountDays.Sum(members.Select(h => byHospital[h]));
                before.AddRange(Findings(days, profile, live));
                after.AddRange(Findings(days, profile, tried));
            }

            progress((double)(i + 1) / counties.Length, read);
        }

        return BacktestComparison.Of(before, after, registry);

        IEnumerable<BacktestFinding> Findings(AccountDays days, FundAccountProfile profile, RuleLibrary library) =>
            PaceTrack.Advance(days.Spend, days.Settlements, default, profile, request.To,
                    day => rules.Pace(library, profile.CountyId, profile.RegionId, day).Thresholds, clock.GetUtcNow())
                .Alerts
                .Where(a => a.Kind == AlertKinds.BudgetPace && BudgetClock.BudgetDate(a.AsOf) >= request.From)
                .Select(a => Finding(a, profile));
    }

    private static BacktestFinding Finding(Alert alert, FundAccountProfile account)
    {
        var day = BudgetClock.BudgetDate(alert.AsOf);
        return new BacktestFinding(alert.AlertId, alert.Kind, account.Level, account.Id, day, change =>
        {
            var evidence = System.Text.Json.JsonDocument.Parse(alert.EvidenceJson).RootElement;
            return new BacktestExample(change, alert.Kind, alert.HospitalId ?? "", account.Name, account.CountyId, "", "", default, default, 0,
                alert.Severity.ToString().ToLowerInvariant(), day,
                new BacktestBudgetFigures(account.Level, account.Id, alert.Transition.ToString().ToLowerInvariant(),
                    evidence.GetProperty("fundPaid").GetDecimal(), evidence.GetProperty("usedShare").GetDecimal(),
                    evidence.GetProperty("timeShare").GetDecimal(), evidence.GetProperty("gapPoints").GetDecimal()));
        });
    }

    /// <summary>The accounts a county's claims count in, each with its member hospitals, as the fund accounts sum them.</summary>
    private static IEnumerable<(string Level, string Id, IEnumerable<string> Members)> Accounts(CountyEntry county)
    {
        var hospitals = county.Hospitals;
        yield return (FundLevel.County, county.CountyId, hospitals.Select(h => h.HospitalId));
        foreach (var alliance in county.Alliances)
        {
            yield return (FundLevel.Alliance, alliance.AllianceId, hospitals.Where(h => h.AllianceId == alliance.AllianceId).Select(h => h.HospitalId));
        }

        foreach (var hospital in hospitals)
        {
            yield return (FundLevel.Hospital, hospital.HospitalId, [hospital.HospitalId]);
        }
    }

    /// <summary>Fund paid and settlements by settlement day, as <see cref="FundDelta.Fold"/> counts them.</summary>
    private sealed class AccountDays
    {
        public Dictionary<int, decimal> Spend { get; } = [];

        public Dictionary<int, int> Settlements { get; } = [];

        public void Add(FundMovement movement)
        {
            var (day, settled) = FundDelta.DayOf(movement);
            Spend[day] = Spend.GetValueOrDefault(day) + movement.FundPaid;
            if (settled != 0)
            {
                Settlements[day] = Settlements.GetValueOrDefault(day) + settled;
            }
        }

        public static AccountDays Sum(IEnumerable<AccountDays> members)
        {
            var sum = new AccountDays();
            foreach (var member in members)
            {
                foreach (var (day, paid) in member.Spend)
                {
                    sum.Spend[day] = sum.Spend.GetValueOrDefault(day) + paid;
                }

                foreach (var (day, settled) in member.Settlements)
                {
                    sum.Settlements[day] = sum.Settlements.GetValueOrDefault(day) + settled;
                }
            }

            return sum;
        }
    }
}
