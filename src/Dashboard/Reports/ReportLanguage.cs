namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The one language a printed or downloaded report is written in (<c>lang=zh|en</c>, Chinese by default): every label,
/// level and message in it, never both side by side.
/// </summary>
public sealed record ReportLanguage(bool IsChinese)
{
    public static readonly ReportLanguage Chinese = new(true);
    public static readonly ReportLanguage English = new(false);

    /// <summary>The language asked for, or null when <paramref name="lang"/> is neither <c>zh</c> nor <c>en</c>.</summary>
    public static ReportLanguage? Parse(string? lang) => lang switch
    {
        null or "" or "zh" => Chinese,
        "en" => English,
        _ => null,
    };

    public string Html => IsChinese ? "zh-CN" : "en";

    /// <summary>The label in this language.</summary>
    public string T(string zh, string en) => IsChinese ? zh : en;
}
