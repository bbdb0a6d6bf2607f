namespace Monitoring.Cases;

/// <summary>
/// Orders of the case list: newest first, largest amount at stake first, oldest (longest open) first, or the work queue's
/// risk order (gravest severity first, then the largest amount at stake).
/// </summary>
public enum CaseSort
{
    Newest,
    Amount,
    Age,
    Risk,
}
