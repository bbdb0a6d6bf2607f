namespace Monitoring.CaseMix;

/// <summary>
/// What reports hospitals' summaries to their region, as the region sees it: asked, from the region's activation, to
/// report again, since the region keeps its summaries in memory. The watch that reports implements it, so the region
/// knows no detector and no cycle runs between them.
/// </summary>
public interface ICaseMixSource
{
    /// <summary>Has these hospitals' summaries reported again to their region soon; waits for none of them.</summary>
    Task ReportAgainAsync(IEnumerable<string> hospitalIds);
}
