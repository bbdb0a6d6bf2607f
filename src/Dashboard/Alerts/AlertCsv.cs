using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitoring.Alerts;

namespace Monitoring.Dashboard.Alerts;

/// <summary>
/// Alerts as CSV for people who work in a spreadsheet: Chinese headers, UTF-8 with a byte-order mark (without it
/// Excel on a Chinese Windows reads the file as GBK and garbles every name), RFC 4180 quoting, dates written out.
/// Times are the screens' clock: 发出时间 is the settlement time of the finding (<c>asOf</c>), as the page shows it; the
/// host's wall clock (<c>raisedAt</c>) follows in a last column of its own, so the columns of before keep their place.
/// </summary>
public static class AlertCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly string[] Headers =
    [
        "预警编号", "类型", "级别", "状态", "对象层级", "对象编号", "县区编码", "医疗机构编码", "结算日期", "发出时间",
        "预警内容", "发出时支出进度", "发出时时间进度", "当前支出进度", "当前时间进度", "确认人", "确认时间", "确认备注",
        "系统记录时间",
    ];

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static byte[] Write(IEnumerable<AlertDocument> alerts)
    {
        var text = new StringBuilder();
        Line(text, Headers);
        foreach (var alert in alerts)
        {
            Line(text,
            [
                alert.AlertId,
                alert.Kind,
                alert.Severity,
                alert.Status,
                alert.Subject.Level,
                alert.Subject.Id,
                alert.CountyId,
                alert.HospitalId ?? "",
                alert.AsOf.ToOffset(China).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Time(alert.AsOf),
                alert.Message.Zh,
                Share(alert.Evidence, "usedShare"),
                Share(alert.Evidence, "timeShare"),
                alert.Current is { } current ? Percent(current.UsedShare) : "",
                alert.Current is { } now ? Percent(now.TimeShare) : "",
                alert.Acknowledged is { } by ? HospitalAlertView.Words(by.By) : "",
                alert.Acknowledged is { } ack ? Time(ack.At) : "",
                alert.Acknowledged?.Note ?? "",
                Time(alert.RaisedAt),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Time(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Share(JsonElement evidence, string name) =>
        evidence.ValueKind == JsonValueKind.Object && evidence.TryGetProperty(name, out var value) && value.TryGetDecimal(out var share)
            ? Percent(share)
            : "";

    private static string Percent(decimal share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Whether a spreadsheet would read the field as a formula (OWASP, CSV injection): it starts with = + - @, a tab or a
    /// carriage return, or their fullwidth forms ＝ ＋ － ＠ (a Chinese input method types those, and some spreadsheets
    /// take them as the ASCII ones), after any spaces. Such a field is written as text, with a leading apostrophe.
    /// </summary>
    public static bool IsFormula(string field)
    {
        var start = field.AsSpan().TrimStart(' ');
        return start.Length > 0 && start[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '＝' or '＋' or '－' or '＠'
            || field.Length > 0 && field[0] is '\t' or '\r';
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var field = fields[i];
            var formula = IsFormula(field);
            if (formula || field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                text.Append('"').Append((formula ? "'" : "") + field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(field);
            }
        }

        text.Append("\r\n");
    }
}
