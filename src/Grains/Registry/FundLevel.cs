namespace Monitoring.Registry;

/// <summary>The three levels of fund account, as they appear in URLs, alerts and snapshots.</summary>
public static class FundLevel
{
    /// <summary>县级统筹基金: a county's fund pool.</summary>
    public const string County = "county";

    /// <summary>医共体: a county medical alliance's packaged budget.</summary>
    public const string Alliance = "alliance";

    /// <summary>定点医疗机构: one designated hospital.</summary>
    public const string Hospital = "hospital";

    public static bool IsValid(string? level) => level is County or Alliance or Hospital;
}
