using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitoring.Registry;

/// <summary>
/// Reads and checks a registry document. A registry is replaced whole, so it is refused whole:
/// every problem is listed with the path where it sits, and nothing of a refused document takes effect.
/// </summary>
public static partial class RegistryParser
{
    private static readonly JsonSerializerOptions Options = new()
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        AllowTrailingCommas = false,
    };

    public static RegistryParseResult Parse(string json)
    {
        RegistryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<RegistryDocument>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.Path is null ? "" : $" at {e.Path}";
            return RegistryParseResult.Invalid([$"registry is not a valid document{where}: {e.Message} (登记册格式错误)"]);
        }

        if (document is null)
        {
            return RegistryParseResult.Invalid(["registry must be a JSON object (登记册必须是 JSON 对象)"]);
        }

        var errors = Check(document);
        return errors.Count > 0 ? RegistryParseResult.Invalid(errors) : RegistryParseResult.Valid(document);
    }

    private static List<string> Check(RegistryDocument document)
    {
        var errors = new List<string>();
        if (document.FundYear is < 2000 or > 2100)
        {
            errors.Add($"fundYear {document.FundYear} is not a plausible calendar year (基金年度无效)");
        }

        var seenIds = new HashSet<string>();
        void Unique(string kind, string id, string path)
        {
            if (!seenIds.Add($"{kind}:{id}"))
            {
                errors.Add($"{path}: {kind} {id} appears more than once (编码重复)");
            }
        }

        for (var ri = 0; ri < document.Regions.Count; ri++)
        {
            var region = document.Regions[ri];
            var rp = $"regions[{ri}]";
            if (!DivisionCode().IsMatch(region.RegionId))
            {
                errors.Add($"{rp}.regionId \"{region.RegionId}\" must be a 6-digit division code (行政区划代码应为6位数字)");
            }

            Unique("region", region.RegionId, rp);
            CheckName(errors, rp, region.Name);
            for (var ci = 0; ci < region.Counties.Count; ci++)
            {
                var county = region.Counties[ci];
                var cp = $"{rp}.counties[{ci}]";
                if (!DivisionCode().IsMatch(county.CountyId))
                {
                    errors.Add($"{cp}.countyId \"{county.CountyId}\" must be a 6-digit division code (行政区划代码应为6位数字)");
                }

                Unique("county", county.CountyId, cp);
                CheckName(errors, cp, county.Name);
                NonNegative(errors, $"{cp}.annualBudget", county.AnnualBudget);
                CheckProfile(errors, cp, county.MonthlyProfile);
                if (county.InsuredPopulation is <= 0)
                {
                    errors.Add($"{cp}.insuredPopulation {county.InsuredPopulation} must be a positive count of insured people (参保人数应为正整数)");
                }

                if (county.PriorYearFundSpend is { } prior)
                {
                    NonNegative(errors, $"{cp}.priorYearFundSpend", prior);
                }

                var allianceIds = new HashSet<string>();
                for (var ai = 0; ai < county.Alliances.Count; ai++)
                {
                    var alliance = county.Alliances[ai];
                    var ap = $"{cp}.alliances[{ai}]";
                    if (string.IsNullOrWhiteSpace(alliance.AllianceId))
                    {
                        errors.Add($"{ap}.allianceId must not be empty (医共体编码不能为空)");
                    }

                    Unique("alliance", alliance.AllianceId, ap);
                    CheckName(errors, ap, alliance.Name);
                    allianceIds.Add(alliance.AllianceId);
                    if (alliance.Type is not ("tight" or "loose"))
                    {
                        errors.Add($"{ap}.type \"{alliance.Type}\" must be tight or loose (医共体类型应为 tight 紧密型 或 loose 非紧密型)");
                    }

                    NonNegative(errors, $"{ap}.annualBudget", alliance.AnnualBudget);
                    CheckPerHead(errors, ap, county, alliance, county.Alliances.Take(ai));
                    if (alliance.LeadHospitalId is { } lead && !county.Hospitals.Any(h => h.HospitalId == lead && h.AllianceId == alliance.AllianceId))
                    {
                        errors.Add($"{ap}.leadHospitalId \"{lead}\" is not a member hospital of alliance {alliance.AllianceId} (牵头医院不是本医共体成员)");
                    }
                }

                for (var hi = 0; hi < county.Hospitals.Count; hi++)
                {
                    var hospital = county.Hospitals[hi];
                    var hp = $"{cp}.hospitals[{hi}]";
                    if (!HospitalId().IsMatch(hospital.HospitalId))
                    {
                        errors.Add($"{hp}.hospitalId \"{hospital.HospitalId}\" must be H followed by 11 digits (机构代码格式错误)");
                    }

                    Unique("hospital", hospital.HospitalId, hp);
                    CheckName(errors, hp, hospital.Name);
                    if (hospital.Level is < 1 or > 3)
                    {
                        errors.Add($"{hp}.level {hospital.Level} must be 1, 2 or 3 (医院等级应为一、二、三级)");
                    }

                    if (hospital.AllianceId is { } allianceId && !allianceIds.Contains(allianceId))
                    {
                        errors.Add($"{hp}.allianceId \"{allianceId}\" is not an alliance of county {county.CountyId} (所属医共体不在本县)");
                    }

                    if (hospital.AnnualBudget is { } budget)
                    {
                        NonNegative(errors, $"{hp}.annualBudget", budget);
                    }
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// A name is shown on pages, in reports and in spreadsheets: no control character anywhere (a tab or carriage return
    /// can turn a CSV cell into a formula, a NUL cannot be stored) and no leading whitespace, which only hides what the
    /// name starts with.
    /// </summary>
    private static void CheckName(List<string> errors, string path, string? name)
    {
        if (name is null)
        {
            return;
        }

        if (name.Any(char.IsControl))
        {
            errors.Add($"{path}.name contains a control character (U+{(int)name.First(char.IsControl):X4}); names are plain text (名称不能含控制字符)");
        }
        else if (name.Length > 0 && char.IsWhiteSpace(name[0]))
        {
            errors.Add($"{path}.name starts with whitespace (名称不能以空白开头)");
        }
    }

    private static void NonNegative(List<string> errors, string path, decimal amount)
    {
        if (amount < 0)
        {
            errors.Add($"{path} {amount} is negative (预算不能为负数)");
        }
    }

    /// <summary>A per-head package (按人头打包) is a tight alliance's, counted on its county's insured, one per county.</summary>
    private static void CheckPerHead(List<string> errors, string path, CountyEntry county, AllianceEntry alliance, IEnumerable<AllianceEntry> earlier)
    {
        if (alliance.PerCapitaPackage is not { } perHead)
        {
            return;
        }

        if (perHead < 0)
        {
            errors.Add($"{path}.perCapitaPackage {perHead} is negative (人头包干标准不能为负数)");
        }

        if (alliance.Type != "tight")
        {
            errors.Add($"{path}.perCapitaPackage: only a tight alliance is paid per head (仅紧密型医共体按人头打包付费)");
        }

        if (county.InsuredPopulation is null)
        {
            errors.Add($"{path}.perCapitaPackage needs the county's insuredPopulation to count heads on (按人头付费需填写本县参保人数)");
        }

        if (earlier.Any(a => a.PerCapitaPackage is not null))
        {
            errors.Add($"{path}.perCapitaPackage: county {county.CountyId} already has an alliance paid per head for its insured (一县只能有一个按人头付费的医共体)");
        }
    }

    private static void CheckProfile(List<string> errors, string countyPath, IReadOnlyList<decimal>? profile)
    {
        if (profile is null)
        {
            return;
        }

        if (profile.Count != 12)
        {
            errors.Add($"{countyPath}.monthlyProfile has {profile.Count} entries, needs 12 (月度分布应为12个月)");
            return;
        }

        if (profile.Any(share => share < 0))
        {
            errors.Add($"{countyPath}.monthlyProfile has a negative share (月度占比不能为负)");
        }

        // Shares are usually typed with 2–4 decimals; a 0.1% tolerance accepts their rounding, not a wrong profile.
        var sum = profile.Sum();
        if (Math.Abs(sum - 1m) > 0.001m)
        {
            errors.Add($"{countyPath}.monthlyProfile sums to {sum}, must sum to 1 (月度占比之和应为1)");
        }
    }

    [GeneratedRegex("^[0-9]{6}$")]
    private static partial Regex DivisionCode();

    [GeneratedRegex("^H[0-9]{11}$")]
    private static partial Regex HospitalId();
}

public sealed record RegistryParseResult(RegistryDocument? Document, IReadOnlyList<string> Errors)
{
    public static RegistryParseResult Valid(RegistryDocument document) => new(document, []);

    public static RegistryParseResult Invalid(IReadOnlyList<string> errors) => new(null, errors);
}
