namespace Monitoring.Readmission;

/// <summary>A DRG's usual stay as the window has seen it: how many cases, their mean length of stay and mean total cost.</summary>
public sealed record DrgNorm(int Cases, double MeanLengthOfStay, decimal MeanTotalCost);
