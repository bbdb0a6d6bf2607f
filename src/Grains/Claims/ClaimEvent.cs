namespace Monitoring.Claims;

/// <summary>
/// One 结算清单 (inpatient or day-surgery settlement) or its reversal, after validation.
/// Field names and meanings follow <c>contracts/claim-event.schema.json</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClaimEvent
{
    [Id(0)] public required string ClaimId { get; init; }
    [Id(1)] public required ClaimKind Kind { get; init; }
    [Id(2)] public string? ReversesClaimId { get; init; }
    [Id(3)] public required DateTimeOffset SettledAt { get; init; }
    [Id(4)] public string? PatientId { get; init; }
    [Id(5)] public string? HospitalId { get; init; }
    [Id(6)] public string? InsuranceType { get; init; }
    [Id(7)] public DateOnly? AdmissionDate { get; init; }
    [Id(8)] public DateOnly? DischargeDate { get; init; }
    [Id(9)] public string? DischargeDisposition { get; init; }
    [Id(10)] public string? Department { get; init; }
    [Id(11)] public string? DoctorId { get; init; }
    [Id(12)] public string? PrincipalDiagnosis { get; init; }
    [Id(13)] public string[] SecondaryDiagnoses { get; init; } = [];
    [Id(14)] public string[] Procedures { get; init; } = [];
    [Id(15)] public string? DrgCode { get; init; }
    [Id(16)] public decimal? DrgWeight { get; init; }
    [Id(17)] public string? PaymentMethod { get; init; }
    [Id(18)] public decimal? TotalCost { get; init; }
    [Id(19)] public decimal? FundPaid { get; init; }

    /// <summary>
    /// 参保地: the county where the patient is insured, whose fund pays. Absent: the hospital's county, as before the
    /// field existed. A code outside the registry is a patient insured elsewhere (异地就医).
    /// </summary>
    [Id(20)] public string? InsuredCountyId { get; init; }
}
