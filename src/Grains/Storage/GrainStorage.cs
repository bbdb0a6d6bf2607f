namespace Monitoring.Storage;

/// <summary>Names of the grain storage providers the host must configure.</summary>
public static class GrainStorage
{
    /// <summary>Checkpoints of fund accounts and the registry: ADO.NET on PostgreSQL in production, memory when embedded.</summary>
    public const string FundState = "fund-state";
}
