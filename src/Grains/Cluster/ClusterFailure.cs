namespace Monitoring.Cluster;

/// <summary>
/// Failures of a grain call that come from the cluster changing under it, not from the call itself: the silo that
/// hosted the grain died and is not yet declared dead (the message is rejected, or the call times out), or it was
/// declared dead mid-call. They pass once membership has moved the grain; a caller retries or falls back, and an
/// outside client is told 503 with Retry-After, never 500.
/// </summary>
public static class ClusterFailure
{
    public static bool IsTransient(Exception e) =>
        e is OrleansMessageRejectionException or SiloUnavailableException or TimeoutException
        || (e is AggregateException { InnerExceptions: [var inner] } && IsTransient(inner));
}
