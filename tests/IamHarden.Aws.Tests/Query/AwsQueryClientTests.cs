using System.Net;
using Amazon.Runtime;
using IamHarden.Aws.CliJson;
using IamHarden.Aws.Tests.Infrastructure;

namespace IamHarden.Aws.Tests.Query;

/// <summary>The transport against an in-process fake endpoint: pagination, retries, fresh signatures, timeouts.</summary>
public sealed class AwsQueryClientTests
{
    private static readonly AwsServiceEndpoint Iam = AwsServiceEndpoint.Iam(AwsPartition.Aws, new Uri("http://iam.test/"));

    private static (AwsQueryClient Client, FakeHttpHandler Handler) Create(
        Func<FakeHttpHandler.Request, HttpResponseMessage> answer, AwsRetryOptions? retry = null, Action<AwsRetryNotice>? onRetry = null)
    {
        var handler = new FakeHttpHandler(answer);
        var client = new AwsQueryClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsClientOptions
        {
            HttpHandler = handler,
            Retry = retry ?? TestSessions.FastRetry,
            OnRetry = onRetry,
        });
        return (client, handler);
    }

    private static HttpResponseMessage Page(int n) =>
        FakeHttpHandler.Xml(HttpStatusCode.OK, File.ReadAllText(TestEnvironment.Fixture($"Pages/gaad-page-{n}.xml")));

    [Fact]
    public async Task Authorization_details_follow_markers_through_empty_pages_and_merge_like_the_cli()
    {
        var (client, handler) = Create(r => Page(r.Index + 1));
        using var _ = client;
        var iam = new IamClient(client, Iam, pageSize: 2);

        var merged = await iam.GetAccountAuthorizationDetailsAsync(cancellationToken: Timeouts.Default);

        Assert.Equal(File.ReadAllText(TestEnvironment.Fixture("Pages/gaad-merged.json")), PythonJsonWriter.Serialize(merged));
        var requests = handler.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Null(requests[0].Parameter("Marker"));
        Assert.Equal("marker+one/=", requests[1].Parameter("Marker"));
        Assert.Equal("marker-two", requests[2].Parameter("Marker"));
        Assert.All(requests, r => Assert.Equal("2", r.Parameter("MaxItems")));
    }

    [Fact]
    public async Task A_repeated_marker_stops_with_a_protocol_error_instead_of_looping()
    {
        var (client, _) = Create(_ => Page(2));
        using var __ = client;
        var iam = new IamClient(client, Iam);
        var e = await Assert.ThrowsAsync<AwsProtocolException>(() => iam.GetAccountAuthorizationDetailsAsync(cancellationToken: Timeouts.Default));
        Assert.Contains("same Marker twice", e.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_with_a_new_request_and_a_fresh_signature_each_time()
    {
        var throttle = File.ReadAllText(TestEnvironment.Fixture("Errors/throttling.xml"));
        var notices = new List<AwsRetryNotice>();
        var (client, handler) = Create(
            r => r.Index < 3 ? FakeHttpHandler.Xml(HttpStatusCode.BadRequest, throttle) : Page(3),
            onRetry: n => { lock (notices) notices.Add(n); });
        using var _ = client;

        var response = await client.SendAsync(Iam, new QueryRequest("GetAccountAuthorizationDetails"), Timeouts.Default);

        Assert.Equal("page-3", response.RequestId);
        Assert.Equal(4, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", r.Headers["Authorization"]));
        Assert.All(handler.Requests, r => Assert.True(r.Headers.ContainsKey("X-Amz-Date")));
        Assert.Equal([1, 2, 3], notices.Select(n => n.Attempt));
        Assert.All(notices, n => Assert.Equal("Throttling: Rate exceeded", n.Reason));
    }

    [Fact]
    public async Task Exhausted_retries_report_the_code_request_id_and_attempts()
    {
        var throttle = File.ReadAllText(TestEnvironment.Fixture("Errors/throttling.xml"));
        var (client, handler) = Create(_ => FakeHttpHandler.Xml(HttpStatusCode.BadRequest, throttle), TestSessions.FastRetry with { MaxAttempts = 3 });
        using var _ = client;

        var e = await Assert.ThrowsAsync<AwsApiException>(() => client.SendAsync(Iam, new QueryRequest("GetAccountSummary"), Timeouts.Default));

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal("Throttling", e.Code);
        Assert.Equal(3, e.Attempts);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Equal("iam:GetAccountSummary failed: Throttling: Rate exceeded (gave up after 3 attempts) [request id 5c8e2f1a-0000-4000-8000-00000000beef]", e.Message);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var (client, handler) = Create(_ => FakeHttpHandler.Xml(HttpStatusCode.Conflict,
            "<ErrorResponse><Error><Type>Sender</Type><Code>LimitExceeded</Code><Message>Cannot exceed quota for PolicyVersionsPerPolicy: 5</Message></Error><RequestId>r</RequestId></ErrorResponse>"));
        using var _ = client;
        var e = await Assert.ThrowsAsync<AwsApiException>(() => client.SendAsync(Iam, new QueryRequest("CreatePolicyVersion"), Timeouts.Default));
        Assert.Single(handler.Requests);
        Assert.Equal("LimitExceeded", e.Code);
        Assert.Contains("retrying will not help", e.Message);
    }

    [Fact]
    public async Task A_hung_attempt_times_out_and_is_retried()
    {
        var calls = 0;
        var handler = new HangingHandler(() => Interlocked.Increment(ref calls) == 1);
        using var client = new AwsQueryClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsClientOptions
        {
            HttpHandler = handler,
            Retry = TestSessions.FastRetry with { AttemptTimeout = TimeSpan.FromMilliseconds(300) },
        });
        var response = await client.SendAsync(Iam, new QueryRequest("GetAccountAuthorizationDetails"), Timeouts.Default);
        Assert.Equal("page-3", response.RequestId);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried_or_wrapped()
    {
        using var client = new AwsQueryClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), new AwsClientOptions
        {
            HttpHandler = new HangingHandler(() => true),
            Retry = TestSessions.FastRetry,
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Iam, new QueryRequest("GetAccountSummary"), cts.Token));
    }

    [Fact]
    public async Task An_unreachable_endpoint_gives_a_transport_error_naming_the_endpoint()
    {
        using var session = await TestSessions.ConnectAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), TestSessions.FastRetry with { MaxAttempts = 2 });
        var e = await Assert.ThrowsAsync<AwsTransportException>(() => session.Sts.GetCallerIdentityAsync(Timeouts.Default));
        Assert.Equal(2, e.Attempts);
        Assert.Contains("connection refused", e.Message);
        Assert.Contains("gave up after 2 attempts", e.Message);
    }

    /// <summary>Never answers while <c>hang()</c> is true; otherwise answers with the last GAAD page.</summary>
    private sealed class HangingHandler(Func<bool> hang) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (hang())
                await Task.Delay(Timeout.Infinite, cancellationToken);
            return Page(3);
        }
    }
}
