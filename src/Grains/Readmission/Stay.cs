using Monitoring.Claims;

namespace Monitoring.Readmission;

/// <summary>
/// One settled inpatient stay (住院) as the split-hospitalization window keeps it: only what the rule, the norms
/// and the evidence need, with codes shared through a <see cref="CodePool"/>, because a window holds every patient
/// discharged in the last two months of a prefecture.
/// </summary>
public sealed class Stay
{
    /// <summary>离院方式 4: 非医嘱离院, the patient left against medical advice.</summary>
    public const char NonMedicalAdviceDischarge = '4';

    /// <summary>离院方式 5: 死亡.</summary>
    public const char Death = '5';

    /// <summary>离院方式 absent from the claim.</summary>
    public const char UnknownDisposition = '\0';

    public Stay(string claimId, string hospitalId, DateOnly admission, DateOnly discharge, DateTimeOffset settledAt,
        char disposition, string principalDiagnosis, string? drgCode, decimal totalCost, decimal fundPaid, CodePool? codes = null)
    {
        ClaimId = claimId;
        HospitalId = codes?.Intern(hospitalId) ?? hospitalId;
        Admission = admission;
        Discharge = discharge;
        SettledAt = settledAt;
        SettledDay = BudgetClock.BudgetDate(settledAt);
        Disposition = disposition;
        PrincipalDiagnosis = codes?.Intern(principalDiagnosis) ?? principalDiagnosis;
        DiagnosisCategory = Prefix(principalDiagnosis, codes);
        DrgCode = drgCode is null ? null : codes?.Intern(drgCode) ?? drgCode;
        Adrg = drgCode is null ? null : Prefix(drgCode, codes);
        TotalCost = totalCost;
        FundPaid = fundPaid;
    }

    public string ClaimId { get; }
    public string HospitalId { get; }
    public DateOnly Admission { get; }
    public DateOnly Discharge { get; }

    /// <summary>When it was settled: the pair it completes became known then.</summary>
    public DateTimeOffset SettledAt { get; }

    /// <summary>The settlement date on the China clock: retention and rates count in it.</summary>
    public DateOnly SettledDay { get; }

    /// <summary>离院方式 as its code character ('1'…'9'), or <see cref="UnknownDisposition"/>.</summary>
    public char Disposition { get; }

    public string PrincipalDiagnosis { get; }

    /// <summary>The ICD-10 category: the first three characters of the principal diagnosis (J18.900 → J18).</summary>
    public string DiagnosisCategory { get; }

    public string? DrgCode { get; }

    /// <summary>The ADRG: the first three characters of the DRG code (ES23 → ES2); null when the stay was not grouped.</summary>
    public string? Adrg { get; }

    public decimal TotalCost { get; }
    public decimal FundPaid { get; }

    /// <summary>
    /// Days in hospital as the settlement counts them: the day of admission and the day of discharge together count
    /// once, so a same-day stay is one day.
    /// </summary>
    public int LengthOfStay => Math.Max(1, Discharge.DayNumber - Admission.DayNumber);

    /// <summary>
    /// The stay a settlement records, or null when the claim is no settlement or lacks what the rule compares
    /// (patient, hospital, dates, principal diagnosis): such a claim can neither be nor complete a split.
    /// </summary>
    public static Stay? From(ClaimEvent claim, CodePool? codes = null)
    {
        if (claim.Kind != ClaimKind.Settlement || claim.PatientId is null || claim.HospitalId is null
            || claim.AdmissionDate is not { } admission || claim.DischargeDate is not { } discharge
            || claim.PrincipalDiagnosis is not { Length: >= 3 } diagnosis)
        {
            return null;
        }

        var disposition = claim.DischargeDisposition is { Length: 1 } code ? code[0] : UnknownDisposition;
        var drg = claim.DrgCode is { Length: >= 3 } grouped ? grouped : null;
        return new Stay(claim.ClaimId, claim.HospitalId, admission, discharge, claim.SettledAt, disposition, diagnosis, drg,
            claim.TotalCost ?? 0, claim.FundPaid ?? 0, codes);
    }

    public override string ToString() => $"{ClaimId} {HospitalId} {Admission:yyyy-MM-dd}..{Discharge:yyyy-MM-dd} {PrincipalDiagnosis} {DrgCode}";

    private static string Prefix(string code, CodePool? codes) =>
        code.Length <= 3 ? codes?.Intern(code) ?? code : codes?.Intern(code.AsSpan(0, 3)) ?? code[..3];
}
