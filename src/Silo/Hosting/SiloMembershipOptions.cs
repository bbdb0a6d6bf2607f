namespace Monitoring.Silo;

/// <summary>
/// How fast a cluster notices a dead silo and moves its grains (<c>Monitoring:Cluster:Membership</c>): each silo
/// probes a few others; after <see cref="NumMissedProbesLimit"/> probes unanswered within <see cref="ProbeTimeout"/>
/// it votes the silo dead, and <see cref="NumVotesForDeathDeclaration"/> votes (fewer when fewer silos are left to
/// vote) declare it so in the membership table. Until then, calls to grains that lived there fail or wait; once it
/// is declared, those grains activate elsewhere on their next call (fund accounts replay the ledger after their
/// checkpoint). Roughly ProbeTimeout × NumMissedProbesLimit plus a table round trip: about 15 s with the defaults,
/// which are Orleans' own, written out so that an operator sees and owns them.
/// </summary>
public sealed class SiloMembershipOptions
{
    public const string Section = "Monitoring:Cluster:Membership";

    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public int NumMissedProbesLimit { get; set; } = 3;

    public int NumVotesForDeathDeclaration { get; set; } = 2;

    /// <summary>How often each silo re-reads the membership table even without news.</summary>
    public TimeSpan TableRefreshTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
