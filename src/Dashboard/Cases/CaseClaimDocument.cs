using Monitoring.Ledger;

namespace Monitoring.Dashboard.Cases;

/// <summary>A claim a case rests on, as the ledger holds it: the stay, its coding and its money, and whether it was reversed.</summary>
public sealed record CaseClaimDocument(
    string ClaimId,
    string HospitalId,
    string? HospitalName,
    string? PatientId,
    DateOnly? AdmissionDate,
    DateOnly? DischargeDate,
    string? DischargeDisposition,
    string? Department,
    string? DoctorId,
    string? PrincipalDiagnosis,
    IReadOnlyList<string> SecondaryDiagnoses,
    IReadOnlyList<string> Procedures,
    string? DrgCode,
    decimal? DrgWeight,
    decimal? TotalCost,
    decimal FundPaid,
    DateTimeOffset SettledAt,
    string? ReversedBy)
{
    public static CaseClaimDocument Of(LedgerClaim claim, string? hospitalName)
    {
        var (e, m) = (claim.Entry.Claim, claim.Entry.Movement);
        return new CaseClaimDocument(e.ClaimId, m.HospitalId, hospitalName, claim.Entry.PatientId, e.AdmissionDate, e.DischargeDate,
            e.DischargeDisposition, e.Department, e.DoctorId, e.PrincipalDiagnosis, e.SecondaryDiagnoses, e.Procedures, e.DrgCode,
            e.DrgWeight, e.TotalCost, m.FundPaid, e.SettledAt, claim.ReversedBy);
    }
}
