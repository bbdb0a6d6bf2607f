using System.Text.Json.Serialization;

namespace Monitoring.Registry;

/// <summary>The fund hierarchy and budgets for one fund year, as <c>registry.schema.json</c> has it.</summary>
public sealed record RegistryDocument(
    [property: JsonPropertyName("fundYear")] int FundYear,
    [property: JsonPropertyName("regions")] IReadOnlyList<RegionEntry> Regions);

/// <summary>州/市: a prefecture, owner of county funds.</summary>
public sealed record RegionEntry(
    [property: JsonPropertyName("regionId")] string RegionId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("counties")] IReadOnlyList<CountyEntry> Counties);

/// <summary>
/// 县级统筹基金: the fund pool of one county, budgeted "以收定支、收支平衡、略有结余". <see cref="InsuredPopulation"/>
/// (参保人数) is what admission rates and a per-head package are counted on; <see cref="PriorYearFundSpend"/> (上年基金支出)
/// what cost growth is measured from. Both optional: a registry without them behaves as before they existed.
/// </summary>
public sealed record CountyEntry(
    [property: JsonPropertyName("countyId")] string CountyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("annualBudget")] decimal AnnualBudget,
    [property: JsonPropertyName("alliances")] IReadOnlyList<AllianceEntry> Alliances,
    [property: JsonPropertyName("hospitals")] IReadOnlyList<HospitalEntry> Hospitals,
    [property: JsonPropertyName("monthlyProfile"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<decimal>? MonthlyProfile = null,
    [property: JsonPropertyName("insuredPopulation"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? InsuredPopulation = null,
    [property: JsonPropertyName("priorYearFundSpend"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? PriorYearFundSpend = null);

/// <summary>
/// 医共体: a county medical alliance, tight (紧密型) or loose (非紧密型), paid a packaged budget (打包付费). A tight
/// alliance with <see cref="PerCapitaPackage"/> is paid per head (按人头打包付费): the county's insured population times
/// that many yuan, and its package pays for its county's insured wherever they are treated. <see cref="LeadHospitalId"/>
/// (牵头医院) speaks for the alliance in its self-assessment (自评); absent, its highest-level member does.
/// </summary>
public sealed record AllianceEntry(
    [property: JsonPropertyName("allianceId")] string AllianceId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("annualBudget")] decimal AnnualBudget,
    [property: JsonPropertyName("perCapitaPackage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? PerCapitaPackage = null,
    [property: JsonPropertyName("leadHospitalId"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LeadHospitalId = null);

/// <summary>定点医疗机构: a designated institution, level 1–3 (一级/二级/三级), with its 总额控制指标 if it has one.</summary>
public sealed record HospitalEntry(
    [property: JsonPropertyName("hospitalId")] string HospitalId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("level")] int Level,
    [property: JsonPropertyName("allianceId")] string? AllianceId = null,
    [property: JsonPropertyName("annualBudget")] decimal? AnnualBudget = null);
