namespace Monitoring.Claims;

/// <summary>What a claim event does to the fund: a settlement (结算) adds, a reversal (冲销/退费) cancels one.</summary>
public enum ClaimKind
{
    Settlement = 0,
    Reversal = 1,
}
