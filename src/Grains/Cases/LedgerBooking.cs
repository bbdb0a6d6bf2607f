namespace Monitoring.Cases;

/// <summary>
/// A fund movement a decision books against the hospital in the claims ledger, under a ledger id fixed by the case
/// (<see cref="LedgerId"/>), so booking it again is a duplicate and books nothing. <see cref="FundPaid"/> is signed as
/// fund pay is: a recovery is negative (the fund gets money back), its reversal on appeal positive.
/// <see cref="SettledAt"/> is the settlement time it is booked at, fixed when the decision is taken.
/// </summary>
public sealed record LedgerBooking(string LedgerId, decimal FundPaid, DateTimeOffset SettledAt, string Reason);
