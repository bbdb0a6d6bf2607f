namespace Monitoring.Demo;

/// <summary>Whether a planted stay's settlement is reversed (冲销) later, and settled again corrected.</summary>
internal enum PlannedReversal
{
    None,
    Reversed,
    ReversedAndCorrected,
}
