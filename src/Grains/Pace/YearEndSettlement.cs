using System.Globalization;
using Monitoring.Registry;

namespace Monitoring.Pace;

/// <summary>
/// 结余留用、超支自担: what the year-end settlement would do with the projected result of an alliance or a hospital.
/// A surplus is kept at the share of the account's kind (tight alliance and its members 100%, loose 50%) and the
/// rest returns to the county fund; an overrun is borne whole by the account.
/// </summary>
public static class YearEndSettlement
{
    public static YearEndPreview Preview(decimal annualBudget, decimal projectedSpend, string? allianceType, YearEndOptions options)
    {
        var (share, zhKind, enKind) = allianceType switch
        {
            "tight" => (options.TightSurplusShare, "紧密型医共体", "tight alliance"),
            "loose" => (options.LooseSurplusShare, "非紧密型医共体成员", "loose alliance member"),
            _ => (options.UnalliedSurplusShare, "未加入医共体的机构", "institution outside any alliance"),
        };
        var balance = annualBudget - projectedSpend;
        var surplus = Math.Max(0, balance);
        var retained = decimal.Round(surplus * share, 2);
        var percent = (share * 100).ToString("0.##", CultureInfo.InvariantCulture);
        return new YearEndPreview(
            ProjectedSpend: projectedSpend,
            Balance: balance,
            SurplusShareRetained: share,
            Retained: retained,
            ReturnedToFund: surplus - retained,
            OverrunBorne: Math.Max(0, -balance),
            // The part of a surplus an account does not keep stays in the pool: 留归统筹基金.
            RuleZh: share < 1 ? $"{zhKind}：结余{percent}%留用、其余留归统筹基金，超支自担" : $"{zhKind}：结余{percent}%留用，超支自担",
            RuleEn: share < 1
                ? $"{enKind}: keeps {percent}% of a surplus, the rest stays in the pooled fund; bears its own overrun"
                : $"{enKind}: keeps {percent}% of a surplus, bears its own overrun");
    }
}
