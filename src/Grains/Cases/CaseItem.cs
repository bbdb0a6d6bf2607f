namespace Monitoring.Cases;

/// <summary>
/// 明细: one line item of a case — a split-hospitalization pair, or one example claim of a pattern finding (upcoding,
/// low-threshold admission) — with what it puts at stake and the inspector's disposition of it. A case groups the
/// items of one hospital, kind and period, as an inspector works an institution rather than a pair.
/// </summary>
/// <param name="ItemId">the pair's alert id, or the example's claim id</param>
/// <param name="AlertId">the alert that brought the item in</param>
/// <param name="ClaimIds">the claims of the item: a pair's two stays (first, then readmission), or the one example</param>
/// <param name="Day">the settlement day of the item (a pair's readmission) in budget time</param>
/// <param name="AtStake">what the item added to the fund's pay (see <see cref="CaseStake"/>), in yuan</param>
/// <param name="Basis">how <paramref name="AtStake"/> was counted (<see cref="CaseItemBasis"/>)</param>
public sealed record CaseItem(string ItemId, string AlertId, string[] ClaimIds, DateOnly Day, decimal AtStake, string Basis)
{
    /// <summary>The inspector's disposition (<see cref="CaseItemDisposition"/>).</summary>
    public string Disposition { get; init; } = CaseItemDisposition.Pending;

    /// <summary>The recovery decided on this item, when confirmed.</summary>
    public decimal? Amount { get; init; }

    /// <summary>Drawn into the last review sample (<see cref="CaseSampling"/>).</summary>
    public bool Sampled { get; init; }

    /// <summary>Still money at stake: not dismissed, and its finding not withdrawn nor its claims reversed.</summary>
    public bool Stands => Disposition is CaseItemDisposition.Pending or CaseItemDisposition.Confirmed;
}

/// <summary>Dispositions of a line item.</summary>
public static class CaseItemDisposition
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Dismissed = "dismissed";

    /// <summary>Set by the system: the pair's finding was withdrawn, or the example claim reversed.</summary>
    public const string Withdrawn = "withdrawn";
}

/// <summary>How an item's amount at stake was counted.</summary>
public static class CaseItemBasis
{
    /// <summary>A split pair: what the readmission (second stay) was paid; one episode billed twice pays one case.</summary>
    public const string SecondStay = "second-stay";

    /// <summary>Upcoding: the weight the heavier group added over the uncomplicated one, at the claim's own rate per weight.</summary>
    public const string WeightDifference = "weight-difference";

    /// <summary>The claim's whole fund paid (a stay that needed no bed: low-threshold admission).</summary>
    public const string FundPaid = "fund-paid";
}
