namespace Monitoring.DrillDown;

/// <summary>
/// One standing settlement behind a drill-down figure, as an inspector opens it: who (the pseudonymised 参保人 id the
/// feed sent, never a name), where, when, what diagnosis and group, what it cost and what the fund paid.
/// </summary>
public sealed record TopClaim(
    string ClaimId,
    string HospitalId,
    string? PatientId,
    DateOnly? AdmissionDate,
    DateOnly? DischargeDate,
    string? PrincipalDiagnosis,
    string? DrgCode,
    string? Department,
    string? DoctorId,
    decimal? TotalCost,
    decimal FundPaid,
    DateOnly BudgetDate);

/// <summary>A page of <see cref="TopClaim"/>s, largest fund paid first; <see cref="NextOffset"/> is null on the last page.</summary>
public sealed record TopClaimsPage(IReadOnlyList<TopClaim> Claims, int? NextOffset);

/// <summary>Which claims: of these hospitals, in the fund year, in a group (<paramref name="Key"/>) and optionally a month.</summary>
public sealed record TopClaimsQuery(
    IReadOnlyCollection<string> Hospitals,
    int FundYear,
    DrillDownDimension Dimension,
    string Key,
    int? Month,
    int Limit,
    int Offset);
