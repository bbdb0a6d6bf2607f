namespace Monitoring.Demo;

/// <summary>
/// One fund account's year as the claims alone tell it (<see cref="BudgetPaceTruth"/>): the first settlement day its
/// used share ran 10 points or more ahead of the time share, the first day it reached its whole budget, how far ahead it
/// ever ran, and where it ended. <see cref="KeptPace"/>: never more than 4 points ahead and ending within 97% of budget.
/// </summary>
public sealed record FundPaceTruth(
    string Level,
    string Id,
    string Name,
    string CountyId,
    decimal AnnualBudget,
    DateOnly? CrossedTenPointsOn,
    DateOnly? ExhaustedOn,
    decimal MaxGapPoints,
    DateOnly MaxGapOn,
    decimal EndShare)
{
    public bool KeptPace => MaxGapPoints <= 4 && EndShare <= 0.97m;
}
