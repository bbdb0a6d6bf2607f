using Monitoring.Registry;

namespace Monitoring.Demo;

/// <summary>
/// One hospital of the demo prefecture as the claim stream needs it: its registry entry, where it sits, what it
/// treats, and how far its year's fund spend will run from its budget (1.0 = exactly on budget); a planted
/// <see cref="MonthlyShape"/> moves its spending month by month on top of that (<see cref="BudgetPlanting"/>).
/// </summary>
public sealed record DemoInstitution(
    HospitalEntry Hospital,
    string CountyId,
    InstitutionKind Kind,
    decimal SpendingFactor,
    IReadOnlyList<decimal>? MonthlyShape = null)
{
    /// <summary>What the stream makes this hospital spend over the year at its factor, before any monthly shape.</summary>
    public decimal PlannedSpend => (Hospital.AnnualBudget ?? 0m) * SpendingFactor;

    /// <summary>The multiplier of a month's planned spend (1-based month); 1 without a shape.</summary>
    public decimal ShapeOf(int month) => MonthlyShape is { Count: 12 } shape ? shape[month - 1] : 1m;
}
