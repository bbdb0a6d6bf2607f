namespace Monitoring.Funds;

/// <summary>What an account did with a delta.</summary>
public enum DeltaOutcome
{
    /// <summary>Counted.</summary>
    Applied,

    /// <summary>Every row of it was counted before: a re-delivery.</summary>
    AlreadyCounted,

    /// <summary>It does not start right after what the account has: the rows between must come from the ledger.</summary>
    Gap,
}
