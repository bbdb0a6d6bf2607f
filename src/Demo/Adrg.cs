namespace Monitoring.Demo;

/// <summary>
/// ADRG (核心疾病诊断相关分组): a CHS-DRG group before its severity split. A DRG code is the ADRG and a severity digit:
/// 1 with major complications (伴严重并发症或合并症, MCC), 3 with complications (伴一般并发症或合并症, CC), 5 without
/// (不伴并发症或合并症), 9 not split (不细分). <see cref="Weight"/> (权重) and <see cref="BaseCost"/> are those of the
/// CC split, or of the unsplit group, at a level-2 hospital; <see cref="DrgCatalogue"/> scales them.
/// </summary>
/// <param name="Code">the three characters: MDC letter, a letter for surgical (A–J), non-OR (K–Q) or medical (R–Z), two digits</param>
/// <param name="Diagnoses">principal diagnoses (主要诊断) that group here, ICD-10 医保版</param>
/// <param name="Procedures">the operation (主要手术操作, ICD-9-CM-3 医保版) of a surgical group; empty for a medical one</param>
/// <param name="MeanStay">mean length of stay (平均住院日) in days, for the CC split</param>
/// <param name="Severities">the severity digits the group splits into</param>
public sealed record Adrg(
    string Code,
    string Name,
    string Department,
    IReadOnlyList<string> Diagnoses,
    IReadOnlyList<string> Procedures,
    decimal Weight,
    double MeanStay,
    decimal BaseCost,
    IReadOnlyList<int> Severities,
    CaseMix Mix)
{
    /// <summary>Diagnoses one of which always comes with the principal one (the tumour behind a chemotherapy stay).</summary>
    public IReadOnlyList<string> Accompanying { get; init; } = [];

    /// <summary>The lowest hospital level that performs it (PCI, joint replacement and major surgery need level 2).</summary>
    public int MinimumLevel { get; init; } = 1;

    public bool IsSurgical => Procedures.Count > 0;

    public bool IsObstetric => Code[0] == 'O';

    public string DrgCode(int severity) => $"{Code}{severity}";

    public decimal WeightOf(int severity) => decimal.Round(Weight * DrgCatalogue.SeverityFactor(severity), 2);
}
