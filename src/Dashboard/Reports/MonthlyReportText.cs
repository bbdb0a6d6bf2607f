using Monitoring.Alerts;

namespace Monitoring.Dashboard.Reports;

/// <summary>The report's words for alert levels: 黄色/橙色/红色预警, as a Chinese regulator reads them.</summary>
public static class MonthlyReportText
{
    public static string SeverityZh(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Notice => "黄色预警",
        AlertSeverity.Warning => "橙色预警",
        _ => "红色预警",
    };

    /// <summary>An alert's status as the report prints it.</summary>
    public static string StatusZh(string status) => status switch
    {
        AlertStatus.Open => "未处理",
        AlertStatus.Acknowledged => "已确认",
        AlertStatus.Withdrawn => "已撤回",
        AlertStatus.Resolved => "已解除",
        _ => status,
    };

    public static string SeverityEn(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Notice => "yellow (notice)",
        AlertSeverity.Warning => "orange (warning)",
        _ => "red (critical)",
    };
}
