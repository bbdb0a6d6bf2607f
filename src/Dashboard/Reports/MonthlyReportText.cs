using Monitoring.Alerts;

namespace Monitoring.Dashboard.Reports;

/// <summary>
/// The report's words for alert kinds, levels and statuses in the report's one language: 黄色/橙色/红色预警, as a Chinese
/// regulator reads them; one term per concept (降低住院指征, never 低标准入院).
/// </summary>
public static class MonthlyReportText
{
    public static string SeverityZh(AlertSeverity severity) => Severity(severity, ReportLanguage.Chinese);

    public static string SeverityEn(AlertSeverity severity) => Severity(severity, ReportLanguage.English);

    /// <summary>An alert's status as the report prints it.</summary>
    public static string StatusZh(string status) => Status(status, ReportLanguage.Chinese);

    public static string Severity(AlertSeverity severity, ReportLanguage lang) => severity switch
    {
        AlertSeverity.Notice => lang.T("黄色预警", "yellow (notice)"),
        AlertSeverity.Warning => lang.T("橙色预警", "orange (warning)"),
        _ => lang.T("红色预警", "red (critical)"),
    };

    public static string Status(string status, ReportLanguage lang) => status switch
    {
        AlertStatus.Open => lang.T("未处理", "open"),
        AlertStatus.Acknowledged => lang.T("已确认", "acknowledged"),
        AlertStatus.Withdrawn => lang.T("已撤回", "withdrawn"),
        AlertStatus.Resolved => lang.T("已解除", "resolved"),
        _ => status,
    };

    public static string Kind(string kind, ReportLanguage lang) => kind switch
    {
        AlertKinds.BudgetPace => lang.T("基金运行预警", "budget pace"),
        AlertKinds.BudgetExhausted => lang.T("预算用尽", "budget exhausted"),
        AlertKinds.SplitHospitalization => lang.T("分解住院", "split hospitalization"),
        AlertKinds.Upcoding => lang.T("高套编码", "upcoding"),
        AlertKinds.LowThresholdAdmission => lang.T("降低住院指征", "low-threshold admission"),
        AlertKinds.DataQuality => lang.T("数据质量", "data quality"),
        _ => kind,
    };
}
