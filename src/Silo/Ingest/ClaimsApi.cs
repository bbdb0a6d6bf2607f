using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Monitoring.Dashboard.Security;
using Monitoring.Ledger;

namespace Monitoring.Silo.Ingest;

/// <summary><c>POST /api/claims</c>: a batch of claim events, as a JSON array or NDJSON.</summary>
public static class ClaimsApi
{
    private const string NdjsonMediaType = "application/x-ndjson";

    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/claims", PostClaimsAsync).RequireAuthorization(MonitoringPolicies.Ingest);
        return app;
    }

    private static async Task<Results<Ok<IngestReply>, ProblemHttpResult>> PostClaimsAsync(
        HttpContext http, ClaimIngestion ingestion, IOptions<IngestOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        var isNdjson = http.Request.ContentType?.StartsWith(NdjsonMediaType, StringComparison.OrdinalIgnoreCase) == true;
        ParsedBatch parsed;
        try
        {
            parsed = isNdjson
                ? await ClaimBodyStream.ReadNdjsonAsync(http.Request.BodyReader, limits.MaxEventsPerBatch, cancellationToken)
                : await ClaimBodyStream.ReadJsonArrayAsync(http.Request.BodyReader, limits.MaxEventsPerBatch, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge($"the body is over {limits.MaxBodyBytes} bytes ({limits.MaxBodyBytes / (1024.0 * 1024):0.#} MiB); send smaller batches (请求体过大)");
        }

        if (parsed.OverLimitOf is { } max)
        {
            return TooLarge($"the batch has more than {max} events; at most {max} are taken at once (每批最多 {max} 条)");
        }

        if (parsed.Error is { } error)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Body is not a claim batch");
        }

        try
        {
            return TypedResults.Ok(await ingestion.IngestAsync(parsed.Items, cancellationToken));
        }
        catch (LedgerUnavailableException e)
        {
            // Nothing was written: the feed may send the same batch again, and should, after a pause.
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"{e.Message}; nothing of this batch was taken, send it again in {RetryAfterSeconds} seconds (账本数据库暂不可用，本批未入账，请稍后重试)",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Ledger unavailable");
        }
        catch (Exception e) when (Monitoring.Cluster.ClusterFailure.IsTransient(e))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                $"the cluster could not serve this batch while it replaces a silo ({e.GetType().Name}); send it again in {RetryAfterSeconds} seconds: whatever of it was already taken counts as a duplicate (集群正在切换节点，请稍后重发本批，已入账部分按重复计)",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Cluster reconfiguring");
        }
    }

    /// <summary>Long enough for a database restart or fail-over, short enough that a feed does not fall far behind.</summary>
    private const int RetryAfterSeconds = 5;

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large");
}
