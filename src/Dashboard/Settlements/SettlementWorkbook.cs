using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Monitoring.Dashboard.Settlements;

/// <summary>
/// A statement as an .xlsx workbook (MiniExcel): 按月预结 (the twelve months) and 综合决算 (the final settlement), in yuan to
/// the fen, as the statement is paid; headings in Chinese and English.
/// </summary>
public static class SettlementWorkbook
{
    public static async Task<byte[]> WriteAsync(SettlementDocument document, CancellationToken cancellationToken)
    {
        var columns = SettlementText.MonthColumns;
        var months = document.Months.Select(m =>
        {
            var row = new Dictionary<string, object?> { [$"{columns[0].Zh} {columns[0].En}"] = $"{document.FundYear}-{m.Month:D2}" };
            var values = SettlementText.MonthValues(m);
            for (var i = 0; i < values.Length; i++)
            {
                row[$"{columns[i + 1].Zh} {columns[i + 1].En}"] = values[i];
            }

            return row;
        }).ToList();
        var final = new List<Dictionary<string, object?>>
        {
            Line("对象 Account", $"{document.Name}（{document.Id}）"),
            Line("结算方式 Basis", $"{SettlementText.Basis(document.Basis, false)} {SettlementText.Basis(document.Basis, true)}"),
            Line("考核状态 Assessment", $"{SettlementText.Status(document.AssessmentStatus, false)} {SettlementText.Status(document.AssessmentStatus, true)}"),
            Line("决算规则 Rule", $"{document.Final.RuleZh} {document.Final.RuleEn}"),
        };
        final.AddRange(SettlementText.FinalLines.Select(l => Line($"{l.Zh} {l.En}", l.Value(document))));
        if (document.Final.Provisional)
        {
            final.Add(Line("说明 Note", "考核尚未终评，暂按保证金全额返还测算 Not yet decided: reckoned with the reserve returned in full"));
        }

        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, new Dictionary<string, object> { ["按月预结 Months"] = months, ["综合决算 Final"] = final },
            cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Line(string item, object? value) => new() { ["项目 Item"] = item, ["数值 Value"] = value };
}
