using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitoring.Claims;

/// <summary>
/// Judges one claim event alone against <c>claim-event.schema.json</c> and the registry.
/// Every problem is reported, each in a sentence a feed operator can act on (English, then Chinese),
/// because a settlement system fixes a record once per round trip, not once per error.
/// Whether a reversal's target exists is the ledger's question, not this one.
/// </summary>
public static partial class ClaimValidator
{
    private const decimal MaxAmount = 100_000_000m;

    private static readonly HashSet<string> Kinds = ["settlement", "reversal"];
    private static readonly HashSet<string> InsuranceTypes = ["employee", "resident"];
    private static readonly HashSet<string> Dispositions = ["1", "2", "3", "4", "5", "9"];
    private static readonly HashSet<string> PaymentMethods =
        ["drg", "per-diem", "per-disease", "fee-for-service", "day-surgery", "capitation"];

    /// <summary>
    /// Extra properties (beyond the contract's fields) are kept with the event, bounded: a feed's own annotations fit,
    /// a 10 MB remark does not become a 10 MB ledger row.
    /// </summary>
    public const int MaxExtraBytes = 4096;

    /// <summary>At most this many extra properties.</summary>
    public const int MaxExtraProperties = 32;

    /// <summary>An ICD-10 or ICD-9-CM-3 code is a few characters; an item of a code list longer than this is not a code.</summary>
    public const int MaxCodeLength = 32;

    private static readonly HashSet<string> ContractFields =
    [
        "claimId", "kind", "reversesClaimId", "settledAt", "patientId", "hospitalId", "insuranceType", "admissionDate",
        "dischargeDate", "dischargeDisposition", "department", "doctorId", "principalDiagnosis", "secondaryDiagnoses",
        "procedures", "drgCode", "drgWeight", "paymentMethod", "totalCost", "fundPaid", "insuredCountyId",
    ];

    /// <summary>Judges an event read back from the ledger: its shape only, since the registry and the clock may have moved since.</summary>
    public static ClaimVerdict Validate(JsonElement element, Func<string, bool> hospitalIsRegistered) =>
        Validate(element, hospitalIsRegistered, window: null);

    /// <summary>Judges an event arriving from a feed: its shape, its hospital, and its settlement time against <paramref name="window"/>.</summary>
    public static ClaimVerdict Validate(JsonElement element, Func<string, bool> hospitalIsRegistered, SettlementWindow? window)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return ClaimVerdict.Invalid([$"event must be a JSON object, not {Describe(element.ValueKind)} (事件必须是 JSON 对象)"]);
        }

        // Before any field is read: text that cannot be stored or read would otherwise surface as an exception later.
        if (StorableText.Problem(element) is { } textProblem)
        {
            return ClaimVerdict.Invalid([$"event text {textProblem}"]);
        }

        var r = new FieldReader(element);
        r.BoundExtras();
        var claimId = r.Id("claimId", required: true, "结算流水号");
        if (claimId is not null && ReservedClaimIds.IsReserved(claimId))
        {
            r.Fail($"claimId may not begin with '{ReservedClaimIds.RecoveryPrefix}': the prefix is reserved for the fund's own recovery bookings (追回款记账专用)");
        }

        var kindText = r.Enum("kind", Kinds, required: true, "事件类型");
        var settledAt = r.DateTime("settledAt", required: true, "结算时间");
        if (settledAt is { } at && window?.Refusal("settledAt", at) is { } outside)
        {
            r.Fail(outside);
        }
        var kind = kindText == "reversal" ? ClaimKind.Reversal : ClaimKind.Settlement;

        if (kindText == "reversal")
        {
            var target = r.Id("reversesClaimId", required: true, "被冲销的结算流水号");
            if (target is not null && target == claimId)
            {
                r.Fail("reversesClaimId must name another claim, not the reversal itself (冲销不能指向自身)");
            }

            return r.Errors.Count > 0
                ? ClaimVerdict.Invalid(r.Errors)
                : ClaimVerdict.Valid(new ClaimEvent
                {
                    ClaimId = claimId!,
                    Kind = ClaimKind.Reversal,
                    ReversesClaimId = target,
                    SettledAt = settledAt!.Value,
                });
        }

        var patientId = r.Id("patientId", required: kindText is not null, "参保人");
        var hospitalId = r.Pattern("hospitalId", HospitalIdPattern(), "H followed by 11 digits", required: kindText is not null, "定点医疗机构代码");
        if (hospitalId is not null && !hospitalIsRegistered(hospitalId))
        {
            r.Fail($"hospitalId {hospitalId} is not in the registry (定点医疗机构 {hospitalId} 不在登记册中)");
        }

        // Only the shape is judged here: a well-formed code the registry does not list is a patient insured elsewhere
        // (异地就医), paid by a fund outside the region, not an error.
        var insuredCountyId = r.Pattern("insuredCountyId", DivisionCodePattern(), "a 6-digit county code such as 532301", required: false, "参保地");
        var insuranceType = r.Enum("insuranceType", InsuranceTypes, required: false, "险种");
        var admission = r.Date("admissionDate", "入院日期");
        var discharge = r.Date("dischargeDate", "出院日期");
        if (admission is { } a && discharge is { } d && d < a)
        {
            r.Fail($"dischargeDate {d:yyyy-MM-dd} is before admissionDate {a:yyyy-MM-dd} (出院日期早于入院日期)");
        }

        var disposition = r.Enum("dischargeDisposition", Dispositions, required: false, "离院方式");
        var department = r.String("department", required: false, maxLength: 100, "科室");
        var doctorId = r.Id("doctorId", required: false, "医保医师代码");
        var diagnosis = r.Pattern("principalDiagnosis", DiagnosisPattern(), "an ICD-10 code such as J18.900", required: false, "主要诊断");
        var secondary = r.StringArray("secondaryDiagnoses", 50, "其他诊断");
        var procedures = r.StringArray("procedures", 50, "手术操作");
        var drgCode = r.Pattern("drgCode", DrgCodePattern(), "4 characters such as ES23 (two letters, two digits)", required: false, "DRG 分组", nullable: true);
        var drgWeight = r.Number("drgWeight", 0, 100, maxDecimals: null, required: false, "权重", nullable: true);
        var paymentMethod = r.Enum("paymentMethod", PaymentMethods, required: false, "支付方式");
        var totalCost = r.Number("totalCost", 0, MaxAmount, maxDecimals: 2, required: false, "医疗总费用");
        var fundPaid = r.Number("fundPaid", 0, MaxAmount, maxDecimals: 2, required: true, "统筹基金支付");
        if (fundPaid is { } paid && totalCost is { } total && paid > total)
        {
            r.Fail($"fundPaid {paid} is above totalCost {total} (统筹基金支付不得高于医疗总费用)");
        }

        if (r.Errors.Count > 0)
        {
            return ClaimVerdict.Invalid(r.Errors);
        }

        return ClaimVerdict.Valid(new ClaimEvent
        {
            ClaimId = claimId!,
            Kind = kind,
            SettledAt = settledAt!.Value,
            PatientId = patientId,
            HospitalId = hospitalId,
            InsuranceType = insuranceType,
            AdmissionDate = admission,
            DischargeDate = discharge,
            DischargeDisposition = disposition,
            Department = department,
            DoctorId = doctorId,
            PrincipalDiagnosis = diagnosis,
            SecondaryDiagnoses = secondary,
            Procedures = procedures,
            DrgCode = drgCode,
            DrgWeight = drgWeight,
            PaymentMethod = paymentMethod,
            TotalCost = totalCost,
            FundPaid = fundPaid,
            InsuredCountyId = insuredCountyId,
        });
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    [GeneratedRegex("^H[0-9]{11}$")]
    private static partial Regex HospitalIdPattern();

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")]
    private static partial Regex DiagnosisPattern();

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DivisionCodePattern();

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}$")]
    private static partial Regex DrgCodePattern();

    /// <summary>Reads typed fields from one event and collects every problem it meets.</summary>
    private sealed class FieldReader(JsonElement element)
    {
        public List<string> Errors { get; } = [];

        public void Fail(string error) => Errors.Add(error);

        private bool TryGet(string name, bool required, string zh, out JsonElement value, bool nullable = false)
        {
            if (!element.TryGetProperty(name, out value) || (value.ValueKind == JsonValueKind.Null && !nullable && !required))
            {
                if (required)
                {
                    Fail($"{name} is required ({zh}必填)");
                }

                return false;
            }

            if (value.ValueKind == JsonValueKind.Null)
            {
                if (!nullable)
                {
                    Fail($"{name} must not be null ({zh}不能为空)");
                }

                return false;
            }

            return true;
        }

        public string? String(string name, bool required, int maxLength, string zh)
        {
            if (!TryGet(name, required, zh, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Fail($"{name} must be a string, not {Describe(value.ValueKind)} ({zh}必须是字符串)");
                return null;
            }

            var text = value.GetString()!;
            if (text.Length == 0 || text.Length > maxLength)
            {
                Fail($"{name} must be 1 to {maxLength} characters long, got {text.Length} ({zh}长度应为 1 至 {maxLength})");
                return null;
            }

            return text;
        }

        /// <summary>An identifier: blank or padded ids look alike to a person and differ to the ledger, so both are refused.</summary>
        public string? Id(string name, bool required, string zh)
        {
            var text = String(name, required, maxLength: 64, zh);
            if (text is null)
            {
                return null;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                Fail($"{name} is blank (only whitespace) ({zh}不能为空白)");
                return null;
            }

            if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]) || text.Any(char.IsControl))
            {
                Fail($"{name} \"{Truncate(text)}\" has leading or trailing whitespace or a control character ({zh}含有首尾空白或控制字符)");
                return null;
            }

            return text;
        }

        public void BoundExtras()
        {
            var count = 0;
            var bytes = 0L;
            foreach (var property in element.EnumerateObject())
            {
                if (!ContractFields.Contains(property.Name))
                {
                    count++;
                    bytes += System.Text.Encoding.UTF8.GetByteCount(property.Name) + property.Value.GetRawText().Length;
                }
            }

            if (count > MaxExtraProperties)
            {
                Fail($"the event has {count} extra properties beyond the contract's fields; at most {MaxExtraProperties} are kept (合同外字段过多)");
            }
            else if (bytes > MaxExtraBytes)
            {
                Fail($"the event's extra properties beyond the contract's fields take {bytes} bytes; at most {MaxExtraBytes} are kept (合同外字段过大)");
            }
        }

        public string? Pattern(string name, Regex pattern, string expected, bool required, string zh, bool nullable = false)
        {
            if (!TryGet(name, required, zh, out var value, nullable))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                Fail($"{name} must be a string, not {Describe(value.ValueKind)} ({zh}必须是字符串)");
                return null;
            }

            var text = value.GetString()!;
            if (!pattern.IsMatch(text))
            {
                Fail($"{name} \"{Truncate(text)}\" is malformed: expected {expected} ({zh}格式错误)");
                return null;
            }

            return text;
        }

        public string? Enum(string name, IReadOnlySet<string> allowed, bool required, string zh)
        {
            var text = String(name, required, 64, zh);
            if (text is not null && !allowed.Contains(text))
            {
                Fail($"{name} \"{Truncate(text)}\" is not one of {string.Join(", ", allowed)} ({zh}取值无效)");
                return null;
            }

            return text;
        }

        public DateTimeOffset? DateTime(string name, bool required, string zh)
        {
            var text = String(name, required, 64, zh);
            if (text is null)
            {
                return null;
            }

            // An ISO 8601 date-time with its offset: without the offset, "when" is ambiguous by eight hours.
            if (!DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
                    CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                || !(text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && (text[^6] == '+' || text[^6] == '-')))
            {
                Fail($"{name} \"{Truncate(text)}\" is not an ISO 8601 date-time with offset such as 2026-03-01T10:15:00+08:00 ({zh}不是带时区的日期时间)");
                return null;
            }

            return parsed;
        }

        public DateOnly? Date(string name, string zh)
        {
            var text = String(name, required: false, 64, zh);
            if (text is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Fail($"{name} \"{Truncate(text)}\" is not a date YYYY-MM-DD ({zh}不是 YYYY-MM-DD 格式的日期)");
                return null;
            }

            return date;
        }

        public decimal? Number(string name, decimal min, decimal max, int? maxDecimals, bool required, string zh, bool nullable = false)
        {
            if (!TryGet(name, required, zh, out var value, nullable))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                Fail($"{name} must be a number, not {Describe(value.ValueKind)} ({zh}必须是数字)");
                return null;
            }

            if (maxDecimals is { } allowed && FenAmount.DecimalPlaces(value) > allowed)
            {
                Fail($"{name} {Truncate(value.GetRawText())} has more than {allowed} decimal places: amounts are yuan with fen ({zh}金额最多两位小数)");
                return null;
            }

            // decimal holds 28 places; a number finer than that would be read as a silent zero.
            if (!value.TryGetDecimal(out var number) || (number == 0 && FenAmount.DecimalPlaces(value) > 28))
            {
                Fail($"{name} {value.GetRawText()} is out of range ({zh}超出范围)");
                return null;
            }

            if (number < min || number > max)
            {
                Fail(number < 0
                    ? $"{name} {number} is negative ({zh}不能为负数)"
                    : $"{name} {number} is outside {min}..{max} ({zh}超出允许范围)");
                return null;
            }

            return number;
        }

        public string[] StringArray(string name, int maxItems, string zh)
        {
            if (!TryGet(name, required: false, zh, out var value))
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Fail($"{name} must be an array of strings ({zh}必须是字符串数组)");
                return [];
            }

            if (value.GetArrayLength() > maxItems)
            {
                Fail($"{name} has {value.GetArrayLength()} items, at most {maxItems} allowed ({zh}最多 {maxItems} 项)");
                return [];
            }

            var items = new string[value.GetArrayLength()];
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    Fail($"{name}[{i}] must be a string ({zh}必须是字符串)");
                    return [];
                }

                var code = item.GetString()!;
                if (code.Length is 0 || code.Length > MaxCodeLength)
                {
                    Fail($"{name}[{i}] must be 1 to {MaxCodeLength} characters long, got {code.Length} ({zh}长度应为 1 至 {MaxCodeLength})");
                    return [];
                }

                items[i++] = code;
            }

            return items;
        }

        private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
    }
}
