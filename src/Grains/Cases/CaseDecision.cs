namespace Monitoring.Cases;

/// <summary>
/// An inspector's decision: <c>confirmed</c> with the amount to recover (追回金额) or <c>dismissed</c> with the reason.
/// <see cref="ByScope"/> is the decider's scope, which fixes who reviews an appeal (the level above).
/// </summary>
public sealed record CaseDecision(string Outcome, decimal RecoveryAmount, string Reason, string By, string ByScope, DateTimeOffset At);
