namespace Monitoring.Settlements;

/// <summary>
/// 按月预结: one month of an account's statement. <see cref="FundPaid"/> is the month's claims charged to the account
/// (<see cref="TreatedOutside"/> of it for its insured treated outside its members); <see cref="Provided"/> what its
/// members provided whoever paid (<see cref="ProvidedElsewhere"/> of it to patients insured outside the region).
/// The payment is the prepayment (January), the advance (tight alliance) or the month's claims (loose, after the fact),
/// less the reserve withheld. <see cref="RunningBalance"/> is the budget less the spend so far (null: no budget).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PreSettlementMonth(
    [property: Id(0)] int Month,
    [property: Id(1)] long Claims,
    [property: Id(2)] decimal FundPaid,
    [property: Id(3)] decimal TreatedOutside,
    [property: Id(4)] decimal Provided,
    [property: Id(5)] decimal ProvidedElsewhere,
    [property: Id(6)] decimal Prepayment,
    [property: Id(7)] decimal Advance,
    [property: Id(8)] decimal AfterTheFact,
    [property: Id(9)] decimal ReserveWithheld,
    [property: Id(10)] decimal Paid,
    [property: Id(11)] decimal CumulativeSpend,
    [property: Id(12)] decimal? RunningBalance);

/// <summary>
/// 综合决算: the year's final settlement. <see cref="Entitlement"/> is what the year earns the account by 结余留用、超支自担
/// (the budget, less the part of a surplus it does not keep; an overrun is its own); of the reserve withheld the score
/// returns its share (<see cref="ReserveReturned"/>) and the fund keeps the rest. <see cref="FinalPayment"/> is what is
/// still owed (negative: recovered from the account); <see cref="TotalPaid"/> what the year paid in all.
/// Without a decided score the settlement is <see cref="Provisional"/> and reckons the reserve returned in full.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FinalSettlement(
    [property: Id(0)] decimal? Budget,
    [property: Id(1)] decimal Spend,
    [property: Id(2)] decimal? Balance,
    [property: Id(3)] decimal SurplusShareRetained,
    [property: Id(4)] decimal Retained,
    [property: Id(5)] decimal ReturnedToFund,
    [property: Id(6)] decimal OverrunBorne,
    [property: Id(7)] decimal Entitlement,
    [property: Id(8)] decimal PaidDuringYear,
    [property: Id(9)] decimal Prepayment,
    [property: Id(10)] decimal ReserveWithheld,
    [property: Id(11)] decimal? Score,
    [property: Id(12)] decimal ReserveReturned,
    [property: Id(13)] decimal ReserveForfeited,
    [property: Id(14)] decimal FinalPayment,
    [property: Id(15)] decimal TotalPaid,
    [property: Id(16)] bool Provisional,
    [property: Id(17)] string RuleZh,
    [property: Id(18)] string RuleEn);

/// <summary>An account's year: its twelve monthly pre-settlements and its final settlement, under its county's terms.</summary>
public sealed record PackageStatement(
    PackageAccount Account,
    int FundYear,
    PackageTerms Terms,
    IReadOnlyList<PreSettlementMonth> Months,
    FinalSettlement Final);
