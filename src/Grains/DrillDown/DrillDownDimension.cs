namespace Monitoring.DrillDown;

/// <summary>What a fund's claims are grouped by when someone asks what drives its spend.</summary>
public enum DrillDownDimension
{
    /// <summary>CHS-DRG group (分组); an ungrouped claim (未入组) has the empty key.</summary>
    Drg,

    /// <summary>科室: the department as the settlement names it.</summary>
    Department,

    /// <summary>医保医师代码: the attending doctor.</summary>
    Doctor,

    /// <summary>The budget month, keyed <c>YYYY-MM</c>.</summary>
    Month,
}

/// <summary>The words of the API for <see cref="DrillDownDimension"/>.</summary>
public static class DrillDownDimensions
{
    public static IReadOnlyList<string> Names { get; } = ["drg", "department", "doctor", "month"];

    public static bool TryParse(string? text, out DrillDownDimension dimension)
    {
        var index = text is null ? -1 : Names.ToList().IndexOf(text);
        dimension = index < 0 ? default : (DrillDownDimension)index;
        return index >= 0;
    }

    public static string Name(this DrillDownDimension dimension) => Names[(int)dimension];
}
