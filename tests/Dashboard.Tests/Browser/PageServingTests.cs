using System.Net;
using System.Net.Http.Headers;
using Monitoring.Testing;

namespace Monitoring.Dashboard.Tests.Browser;

/// <summary>The page and its libraries come from the host itself (embedded in the assembly), never from a CDN.</summary>
public sealed class PageServingTests(PageServingTests.Host fixture) : IClassFixture<PageServingTests.Host>
{
    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/dashboard/js/main.js", "text/javascript")]
    [InlineData("/dashboard/lib/echarts.min.js", "text/javascript")]
    [InlineData("/dashboard/lib/signalr.min.js", "text/javascript")]
    public async Task Page_and_its_libraries_are_served_without_a_token(string path, string mediaType)
    {
        using var client = fixture.Running.Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task Unchanged_asset_is_answered_not_modified()
    {
        using var client = fixture.Running.Client();
        using var first = await client.GetAsync("/dashboard/lib/echarts.min.js");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/lib/echarts.min.js");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Gzip_is_sent_to_a_client_that_accepts_it()
    {
        using var client = fixture.Running.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/lib/echarts.min.js");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        using var response = await client.SendAsync(request);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Unknown_asset_is_not_found()
    {
        using var client = fixture.Running.Client();

        using var response = await client.GetAsync("/dashboard/lib/jquery.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>One host for these read-only requests.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public RunningHost Running { get; private set; } = null!;

        public async ValueTask InitializeAsync() => Running = await RunningHost.StartAsync();

        public ValueTask DisposeAsync() => Running?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
