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
}
