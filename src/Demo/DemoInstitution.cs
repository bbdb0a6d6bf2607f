using Monitoring.Registry;

namespace Monitoring.Demo;

/// <summary>
/// One hospital of the demo prefecture as the claim stream needs it: its registry entry, where it sits, what it
/// treats, and how far its year's fund spend will run from its budget (1.0 = exactly on budget).
/// </summary>
public sealed record DemoInstitution(
    HospitalEntry Hospital,
    string CountyId,
    InstitutionKind Kind,
    decimal SpendingFactor)
{
    /// <summary>What the stream makes this hospital spend over the year: its budget times its factor.</summary>
    public decimal PlannedSpend => (Hospital.AnnualBudget ?? 0m) * SpendingFactor;
}
