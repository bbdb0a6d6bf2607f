namespace Monitoring.Upcoding;

/// <summary>Where a hospital's coding finding stands: nothing, a warning, or critical (the evidence has grown well past the threshold).</summary>
public enum UpcodingLevel
{
    None = 0,
    Warning = 1,
    Critical = 2,
}
