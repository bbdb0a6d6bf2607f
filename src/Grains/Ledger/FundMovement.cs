using Monitoring.Claims;

namespace Monitoring.Ledger;

/// <summary>
/// What one ledger row does to the budgets: a signed amount of fund pay at a hospital, in a budget month.
/// <see cref="HospitalSeq"/> numbers a hospital's rows 1, 2, 3… without gaps, so any fund account can tell
/// whether it has seen all of a hospital's rows, whatever order they reach it in.
/// A reversal carries the negated amount and the budget date of the settlement it cancels, so that
/// the books read as if that settlement never happened.
/// <see cref="InsuredCountyId"/> is the payer (参保地) the settlement named, carried onto its reversal; null: the
/// hospital's county, as for every row before claims named a payer.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FundMovement(
    [property: Id(0)] string HospitalId,
    [property: Id(1)] long HospitalSeq,
    [property: Id(2)] ClaimKind Kind,
    [property: Id(3)] DateOnly BudgetDate,
    [property: Id(4)] decimal FundPaid,
    [property: Id(5)] DateTimeOffset SettledAt,
    [property: Id(6)] string? InsuredCountyId = null);
