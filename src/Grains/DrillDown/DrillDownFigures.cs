namespace Monitoring.DrillDown;

/// <summary>Cases, spend (医疗总费用) and fund paid (统筹基金支付) of a group, with their per-case figures.</summary>
public sealed record DrillDownFigures(long Cases, decimal TotalCost, decimal FundPaid)
{
    public decimal? CostPerCase => Cases > 0 ? decimal.Round(TotalCost / Cases, 2) : null;

    public decimal? FundPaidPerCase => Cases > 0 ? decimal.Round(FundPaid / Cases, 2) : null;

    public static DrillDownFigures Sum(IEnumerable<DrillDownCell> cells)
    {
        long cases = 0;
        decimal cost = 0, paid = 0;
        foreach (var cell in cells)
        {
            cases += cell.Cases;
            cost += cell.TotalCost;
            paid += cell.FundPaid;
        }

        return new DrillDownFigures(cases, cost, paid);
    }
}
