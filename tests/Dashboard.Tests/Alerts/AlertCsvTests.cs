using System.Text;
using Monitoring.Alerts;
using Monitoring.Dashboard.Alerts;

namespace Monitoring.Dashboard.Tests.Alerts;

/// <summary>The CSV export neutralises every start a spreadsheet reads as a formula (OWASP CSV injection; issue 25, item 6).</summary>
public sealed class AlertCsvTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static string Exported(string message)
    {
        var alert = new Alert
        {
            AlertId = "a-1", Kind = "split-hospitalization", Severity = AlertSeverity.Warning, Transition = AlertTransition.Raised,
            SubjectLevel = "hospital", SubjectId = "H53092200001", CountyId = "530922", HospitalId = "H53092200001",
            RaisedAt = At, AsOf = At, MessageZh = message, MessageEn = "-", EvidenceJson = "{}",
        };
        var text = Encoding.UTF8.GetString(AlertCsv.Write([AlertDocument.Of(alert)]));
        // The message is the eleventh column of the one data line.
        var line = text.Split("\r\n")[1];
        return line;
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=HYPERLINK(\"http://example.test\")")]
    [InlineData("\r=1+1")]
    [InlineData("＝1+1")]
    [InlineData("＋1")]
    [InlineData("－1")]
    [InlineData("＠SUM(A1)")]
    [InlineData("  =1+1")]
    [InlineData(" ＝1+1")]
    public void A_field_a_spreadsheet_would_read_as_a_formula_is_written_as_text(string message)
    {
        Assert.True(AlertCsv.IsFormula(message));
        Assert.Contains(",\"'" + message.Replace("\"", "\"\"", StringComparison.Ordinal) + "\",", Exported(message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("云县人民医院：疑似分解住院")]
    [InlineData("a = b")]
    [InlineData("1-2")]
    public void Plain_text_is_written_as_it_is(string message)
    {
        Assert.False(AlertCsv.IsFormula(message));
        Assert.Contains("," + message + ",", Exported(message), StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_people_read_is_the_settlement_time_and_the_wall_clock_follows_in_a_column_of_its_own()
    {
        // Settled on 2027-10-14 in the demo's year; the host raised it on its wall clock's 2026-12-03.
        var settled = new DateTimeOffset(2027, 10, 14, 9, 30, 0, TimeSpan.FromHours(8));
        var raised = new DateTimeOffset(2026, 12, 3, 1, 5, 0, TimeSpan.Zero);
        var alert = new Alert
        {
            AlertId = "a-2", Kind = "split-hospitalization", Severity = AlertSeverity.Warning, Transition = AlertTransition.Raised,
            SubjectLevel = "hospital", SubjectId = "H53092200001", CountyId = "530922", HospitalId = "H53092200001",
            RaisedAt = raised, AsOf = settled, MessageZh = "云县人民医院：疑似分解住院", MessageEn = "-", EvidenceJson = "{}",
        };
        var lines = Encoding.UTF8.GetString(AlertCsv.Write([AlertDocument.Of(alert)])).TrimStart('\uFEFF').Split("\r\n");
        var headers = lines[0].Split(',');
        var fields = lines[1].Split(',');

        // The columns of before stay where they were (a spreadsheet's formulas and an import read them by place).
        Assert.Equal(["预警编号", "类型", "级别", "状态", "对象层级", "对象编号", "县区编码", "医疗机构编码", "结算日期", "发出时间", "预警内容"], headers[..11]);
        Assert.Equal("2027-10-14", fields[Array.IndexOf(headers, "结算日期")]);
        Assert.Equal("2027-10-14 09:30:00", fields[Array.IndexOf(headers, "发出时间")]);
        Assert.Equal("系统记录时间", headers[^1]);
        Assert.Equal("2026-12-03 09:05:00", fields[^1]);
        Assert.Equal(headers.Length, fields.Length);
    }
}
