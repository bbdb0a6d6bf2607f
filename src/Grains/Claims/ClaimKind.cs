namespace Monitoring.Claims;

/// <summary>
/// What a ledger row does to the fund: a settlement (结算) adds, a reversal (冲销/退费) cancels one. A recovery (追回) is
/// booked by an inspection case's decision, never sent from outside: the claim-event contract knows only the first two.
/// </summary>
public enum ClaimKind
{
    Settlement = 0,
    Reversal = 1,
    Recovery = 2,
}
