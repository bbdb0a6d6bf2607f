using System.Globalization;
using System.Text.Json.Nodes;

namespace Monitoring.Demo;

/// <summary>Writes the events of planned cases: ids, patients, dates, doctors, diagnoses and amounts.</summary>
internal sealed class CaseWriter(IReadOnlyList<DemoInstitution> institutions, Random random)
{
    private readonly int[] _settlements = new int[institutions.Count];
    private readonly int[] _reversals = new int[institutions.Count];
    private readonly List<string> _departments = [];

    public JsonObject Settlement(CaseSlot slot, decimal scale)
    {
        var institution = institutions[slot.Hospital];
        var hospital = institution.Hospital;
        var adrg = DrgCatalogue.All[slot.Adrg];
        var settledAt = new DateTimeOffset(new DateTime(slot.Ticks), DemoClaimStream.ChinaOffset);
        var planted = slot.Planted;
        var discharge = planted?.Discharge ?? DateOnly.FromDateTime(settledAt.DateTime).AddDays(-random.Next(1, 5));
        var admission = planted?.Admission ?? discharge.AddDays(-slot.Stay);
        var department = DepartmentOf(adrg, institution.Kind);
        var principal = planted?.PrincipalDiagnosis ?? Pick(adrg.Diagnoses);
        var totalCost = decimal.Round(slot.NaturalCost * scale, 2);
        var fundPaid = decimal.Round(totalCost * slot.FundShare, 2);

        return new JsonObject
        {
            ["claimId"] = ClaimId('S', settledAt, hospital.HospitalId, ++_settlements[slot.Hospital]),
            ["kind"] = "settlement",
            ["settledAt"] = settledAt.ToString(DemoClaimStream.SettledAtFormat, CultureInfo.InvariantCulture),
            ["patientId"] = planted?.PatientId ?? string.Create(CultureInfo.InvariantCulture, $"P-{random.NextInt64(0x1_0000_0000):x8}"),
            ["hospitalId"] = hospital.HospitalId,
            ["insuranceType"] = slot.Employee ? "employee" : "resident",
            ["admissionDate"] = admission.ToString(DemoClaimStream.DateFormat, CultureInfo.InvariantCulture),
            ["dischargeDate"] = discharge.ToString(DemoClaimStream.DateFormat, CultureInfo.InvariantCulture),
            ["dischargeDisposition"] = planted?.Disposition ?? Disposition(slot.Severity),
            ["department"] = department,
            ["doctorId"] = DoctorOf(hospital.HospitalId, hospital.Level, department),
            ["principalDiagnosis"] = principal,
            ["secondaryDiagnoses"] = Strings(SecondaryDiagnoses(adrg, slot.Severity, principal)),
            ["procedures"] = Strings(adrg.IsSurgical ? [Pick(adrg.Procedures)] : []),
            ["drgCode"] = slot.Ungrouped ? null : adrg.DrgCode(slot.Severity),
            ["drgWeight"] = slot.Ungrouped ? null : adrg.WeightOf(slot.Severity),
            // A case the grouper cannot place is paid by item (按项目付费).
            ["paymentMethod"] = slot.Ungrouped ? "fee-for-service" : "drg",
            ["totalCost"] = totalCost,
            ["fundPaid"] = fundPaid,
        }.WithPayer(InsuredCountyOf(slot, institution, _settlements[slot.Hospital]));
    }

    /// <summary>
    /// 参保地, planted by count (never by the random stream, so that nothing else moves): one in 17 unplanted stays at the
    /// other counties' hospitals is of an insured person of 耿马 (which takes its out-of-county share to about 15%), one in 97
    /// at 云县's county-level hospitals of a patient insured outside the prefecture; every other claim names no payer.
    /// </summary>
    private static string? InsuredCountyOf(CaseSlot slot, DemoInstitution institution, int count) =>
        slot.Planted is not null ? null
        : institution.CountyId != DemoPrefecture.OutboundCountyId && count % 17 == 0 ? DemoPrefecture.OutboundCountyId
        : institution.CountyId == DemoPrefecture.HotCountyId && institution.Hospital.Level >= 2 && count % 97 == 0 ? DemoPrefecture.ElsewhereCountyId
        : null;

    public JsonObject Reversal(JsonObject settlement, int hospitalIndex, long ticks)
    {
        var at = new DateTimeOffset(new DateTime(ticks), DemoClaimStream.ChinaOffset);
        return new JsonObject
        {
            ["claimId"] = ClaimId('R', at, institutions[hospitalIndex].Hospital.HospitalId, ++_reversals[hospitalIndex]),
            ["kind"] = "reversal",
            ["reversesClaimId"] = (string)settlement["claimId"]!,
            ["settledAt"] = at.ToString(DemoClaimStream.SettledAtFormat, CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The same stay settled again after the reversal; an audit usually takes something off.</summary>
    public JsonObject Correction(JsonObject settlement, CaseSlot slot, long ticks)
    {
        var at = new DateTimeOffset(new DateTime(ticks), DemoClaimStream.ChinaOffset);
        var totalCost = decimal.Round((decimal)settlement["totalCost"]! * (decimal)(0.85 + (0.13 * random.NextDouble())), 2);
        var correction = (JsonObject)settlement.DeepClone();
        correction["claimId"] = ClaimId('S', at, institutions[slot.Hospital].Hospital.HospitalId, ++_settlements[slot.Hospital]);
        correction["settledAt"] = at.ToString(DemoClaimStream.SettledAtFormat, CultureInfo.InvariantCulture);
        correction["totalCost"] = totalCost;
        correction["fundPaid"] = decimal.Round(totalCost * slot.FundShare, 2);
        return correction;
    }

    private List<string> SecondaryDiagnoses(Adrg adrg, int severity, string principal)
    {
        var (comorbid, cc, mcc) = adrg.IsObstetric
            ? (DrgCatalogue.ObstetricComorbidities, DrgCatalogue.ObstetricComplications, DrgCatalogue.ObstetricMajorComplications)
            : (DrgCatalogue.Comorbidities, DrgCatalogue.Complications, DrgCatalogue.MajorComplications);
        var chosen = new List<string>();
        if (adrg.Accompanying.Count > 0)
        {
            chosen.Add(Pick(adrg.Accompanying));
        }

        // The severity digit is what the secondary diagnoses justify: an MCC for 1, a CC for 3, neither for 5.
        switch (severity)
        {
            case 1:
                chosen.Add(Pick(mcc));
                AddIf(0.5, cc);
                break;
            case 3:
                chosen.Add(Pick(cc));
                AddIf(0.2, cc);
                break;
            case 9:
                AddIf(0.3, cc);
                break;
        }

        var extra = random.Next(3);
        for (var i = 0; i < extra; i++)
        {
            chosen.Add(Pick(comorbid));
        }

        return chosen.Where(d => d != principal).Distinct().ToList();

        void AddIf(double probability, IReadOnlyList<string> pool)
        {
            if (random.NextDouble() < probability)
            {
                chosen.Add(Pick(pool));
            }
        }
    }

    /// <summary>离院方式: nearly all go home on the doctor's order; a few are transferred, leave against advice, or die.</summary>
    private string Disposition(int severity)
    {
        if (severity == 1 && random.NextDouble() < 0.03)
        {
            return "5";
        }

        return random.NextDouble() switch
        {
            < 0.92 => "1",
            < 0.95 => "2",
            < 0.96 => "3",
            < 0.99 => "4",
            _ => "9",
        };
    }

    /// <summary>A township centre has a ward for medicine, one for surgery and one for women, not specialist departments.</summary>
    private static string DepartmentOf(Adrg adrg, InstitutionKind kind) => kind switch
    {
        InstitutionKind.Township when adrg.IsObstetric || adrg.Code[0] == 'N' => "妇产科",
        InstitutionKind.Township when adrg.IsSurgical => "外科",
        InstitutionKind.Township => "内科",
        _ => adrg.Department,
    };

    /// <summary>医保医师代码: the hospital's digits and a number; each department has a few attending doctors, more at higher levels.</summary>
    private string DoctorOf(string hospitalId, int level, string department)
    {
        var index = _departments.IndexOf(department);
        if (index < 0)
        {
            _departments.Add(department);
            index = _departments.Count - 1;
        }

        var doctors = level switch { 1 => 2, 2 => 5, _ => 8 };
        return string.Create(CultureInfo.InvariantCulture, $"D{hospitalId[1..]}{(index * 10) + random.Next(1, doctors + 1):D3}");
    }

    /// <summary>S (settlement) or R (reversal), the settlement date, the hospital's digits and its running number: unique by construction.</summary>
    private static string ClaimId(char prefix, DateTimeOffset at, string hospitalId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{at:yyyyMMdd}{hospitalId[1..]}{number:D6}");

    private string Pick(IReadOnlyList<string> items) => items[random.Next(items.Count)];

    private static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray());
}

internal static class ClaimPayer
{
    /// <summary>The settlement with <c>insuredCountyId</c> when it names one; unchanged (no field at all) when not.</summary>
    public static JsonObject WithPayer(this JsonObject claim, string? insuredCountyId)
    {
        if (insuredCountyId is not null)
        {
            claim["insuredCountyId"] = insuredCountyId;
        }

        return claim;
    }
}
