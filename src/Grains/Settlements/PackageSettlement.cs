using Monitoring.Pace;
using Monitoring.Registry;

namespace Monitoring.Settlements;

/// <summary>
/// "按月预结、指标考核、综合决算": an account's monthly pre-settlements and its year-end final settlement, from the
/// year's standing books, the registry and the county's terms. Amounts are rounded to the fen where they are paid, and
/// the last month takes what rounding left, so that the twelve advances sum to the advanced share of the budget exactly.
/// </summary>
public static class PackageSettlement
{
    public static PackageStatement Statement(
        PackageAccount account, FundRegistry registry, IEnumerable<PackageCell> cells, PackageOptions options, YearEndOptions yearEnd, decimal? decidedScore)
    {
        var terms = options.For(account.CountyId);
        var charged = new decimal[13];
        var claims = new long[13];
        var outside = new decimal[13];
        var provided = new decimal[13];
        var elsewhere = new decimal[13];
        foreach (var cell in cells)
        {
            if (account.Pays(cell, registry, options))
            {
                charged[cell.Month] += cell.FundPaid;
                claims[cell.Month] += cell.Settlements;
                if (!account.Members.Contains(cell.HospitalId))
                {
                    outside[cell.Month] += cell.FundPaid;
                }
            }

            if (account.Members.Contains(cell.HospitalId))
            {
                provided[cell.Month] += cell.FundPaid;
                if (registry.PlacementOf(cell.HospitalId) is { } placement
                    && PayerRule.KindOf(cell.InsuredCountyId, placement.CountyId, registry) == PayerKind.Elsewhere)
                {
                    elsewhere[cell.Month] += cell.FundPaid;
                }
            }
        }

        var advances = account.Basis == PaymentBasis.Advance && account.Budget is { } package
            ? Spread(package * terms.AdvanceShare, registry.Counties[account.CountyId].County.MonthlyProfile)
            : new decimal[13];
        var prepayment = account.Basis != PaymentBasis.WithinPackage && account.Budget is { } budget
            ? decimal.Round(budget * terms.PrepaymentMonths / 12m, 2)
            : 0m;

        var months = new List<PreSettlementMonth>(12);
        var cumulative = 0m;
        for (var m = 1; m <= 12; m++)
        {
            cumulative += charged[m];
            var afterTheFact = account.Basis == PaymentBasis.AfterTheFact ? charged[m] : 0m;
            var gross = advances[m] + afterTheFact;
            var reserve = decimal.Round(gross * terms.ReserveShare, 2);
            var prepaid = m == 1 ? prepayment : 0m;
            months.Add(new PreSettlementMonth(m, claims[m], charged[m], outside[m], provided[m], elsewhere[m], prepaid,
                advances[m], afterTheFact, reserve, prepaid + gross - reserve, cumulative, account.Budget - cumulative));
        }

        return new PackageStatement(account, registry.FundYear, terms, months, Final(account, months, prepayment, yearEnd, decidedScore));
    }

    private static FinalSettlement Final(PackageAccount account, IReadOnlyList<PreSettlementMonth> months, decimal prepayment,
        YearEndOptions yearEnd, decimal? score)
    {
        var spend = months.Sum(m => m.FundPaid);
        var withheld = months.Sum(m => m.ReserveWithheld);
        var paidDuringYear = months.Sum(m => m.Advance + m.AfterTheFact - m.ReserveWithheld);
        var returned = decimal.Round(withheld * (score ?? 100m) / 100m, 2);
        var forfeited = withheld - returned;
        if (account.Basis == PaymentBasis.WithinPackage || account.Budget is not { } budget)
        {
            // Settled inside its alliance's package, or paid for its claims without a budget to keep or overrun.
            var entitlement = account.Basis == PaymentBasis.WithinPackage ? 0m : spend;
            var (zh, en) = account.Basis == PaymentBasis.WithinPackage
                ? ("紧密型医共体成员：由医共体在打包资金内结算", "member of a tight alliance: settled by the alliance within its package")
                : ("无总额控制指标：按月据实结算", "no budget: paid for its claims month by month");
            return new FinalSettlement(null, spend, null, 0m, 0m, 0m, 0m, entitlement, paidDuringYear, prepayment, withheld, score,
                returned, forfeited, entitlement - forfeited - paidDuringYear - prepayment, entitlement - forfeited, score is null, zh, en);
        }

        var preview = YearEndSettlement.Preview(budget, spend, account.AllianceType, yearEnd);
        var earned = budget - preview.ReturnedToFund;
        return new FinalSettlement(budget, spend, preview.Balance, preview.SurplusShareRetained, preview.Retained, preview.ReturnedToFund,
            preview.OverrunBorne, earned, paidDuringYear, prepayment, withheld, score, returned, forfeited,
            earned - forfeited - paidDuringYear - prepayment, earned - forfeited, score is null, preview.RuleZh, preview.RuleEn);
    }

    /// <summary>An amount spread over the months by the county's profile (flat when it has none), to the fen, December taking the rest.</summary>
    public static decimal[] Spread(decimal amount, IReadOnlyList<decimal>? profile)
    {
        var total = decimal.Round(amount, 2);
        var months = new decimal[13];
        var sofar = 0m;
        for (var m = 1; m < 12; m++)
        {
            months[m] = decimal.Round(total * (profile?[m - 1] ?? 1m / 12m), 2);
            sofar += months[m];
        }

        months[12] = total - sofar;
        return months;
    }
}
