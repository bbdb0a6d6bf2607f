namespace Monitoring.Cases;

/// <summary>Orders of the case list: newest first, largest amount at stake first, or oldest (longest open) first.</summary>
public enum CaseSort
{
    Newest,
    Amount,
    Age,
}
