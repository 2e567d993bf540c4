using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Amazon.Runtime;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace IamHarden.Aws;

/// <summary>
/// Sends signed AWS Query API requests (IAM, STS) over HTTP with retries. Each attempt is a new HTTP request with a
/// fresh SigV4 signature (AWS rejects replayed dates), bounded by the per-attempt timeout; throttling, 5xx, 429,
/// transient codes and connection failures are retried with full-jitter exponential backoff. At most
/// <see cref="AwsClientOptions.MaxConcurrentRequests"/> requests are in flight at once across all callers of one client.
/// </summary>
public sealed class AwsQueryClient : IDisposable
{
    private static readonly ResiliencePropertyKey<string> OperationKey = new("iamharden.operation");
    private static readonly string UserAgent =
        $"IamHarden/{typeof(AwsQueryClient).Assembly.GetName().Version?.ToString(3) ?? "0"} aws-query";

    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly AwsClientOptions _options;
    private readonly SemaphoreSlim _inFlight;
    private readonly ResiliencePipeline<AttemptOutcome> _pipeline;

    public AwsQueryClient(AWSCredentials credentials, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _credentials = credentials;
        _options = options;
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        var handler = options.HttpHandler ?? new SocketsHttpHandler
        {
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            MaxConnectionsPerServer = options.MaxConcurrentRequests,
            AutomaticDecompression = DecompressionMethods.All,
        };
        // Timeouts are the pipeline's job (per attempt) and the caller's (overall), never HttpClient's own.
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        _pipeline = BuildPipeline(options);
    }

    /// <summary>Sends one request and returns the parsed answer, or throws <see cref="AwsApiException"/>
    /// (<see cref="AwsAccessDeniedException"/> for missing permissions), <see cref="AwsTransportException"/> or
    /// <see cref="AwsProtocolException"/> once retries are exhausted.</summary>
    public async Task<QueryResponse> SendAsync(AwsServiceEndpoint endpoint, QueryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(request);
        var attempts = new AttemptCounter();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, request.Action);
        Outcome<AttemptOutcome> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    try
                    {
                        var result = await state.Client.AttemptAsync(state.Endpoint, state.Request, state.Attempts, ctx.CancellationToken)
                            .ConfigureAwait(false);
                        return Outcome.FromResult(result);
                    }
                    catch (Exception e)
                    {
                        return Outcome.FromException<AttemptOutcome>(e);
                    }
                },
                context,
                (Client: this, Endpoint: endpoint, Request: request, Attempts: attempts)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is { } exception)
            throw Translate(exception, endpoint, request, attempts.Count, cancellationToken);
        var attempt = outcome.Result!;
        if (attempt.Response is { } response)
            return response;
        throw CreateApiException(endpoint, request.Action, attempt.Error!, attempts.Count);
    }

    /// <summary>Sends a paginated request page by page (<c>Marker</c>/<c>IsTruncated</c>) until the last page.
    /// Pages may be short or even empty while more follow; only <c>IsTruncated</c> decides.</summary>
    public async IAsyncEnumerable<QueryResponse> PaginateAsync(
        AwsServiceEndpoint endpoint, QueryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var page = await SendAsync(endpoint, marker is null ? request : request.With("Marker", marker), cancellationToken)
                .ConfigureAwait(false);
            yield return page;
            if (!page.IsTruncated)
                yield break;
            marker = page.Marker;
            if (string.IsNullOrEmpty(marker))
                throw new AwsProtocolException($"{request.Action} said more results follow (IsTruncated) but sent no Marker.");
            if (!seen.Add(marker))
                throw new AwsProtocolException($"{request.Action} sent the same Marker twice; stopping instead of looping forever.");
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _inFlight.Dispose();
    }

    private async Task<AttemptOutcome> AttemptAsync(
        AwsServiceEndpoint endpoint, QueryRequest request, AttemptCounter attempts, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            attempts.Count++;
            var body = Encoding.UTF8.GetBytes(request.ToFormBody(endpoint.ApiVersion));
            var signedAt = _options.Clock.GetUtcNow().UtcDateTime;
            IReadOnlyDictionary<string, string> headers;
            try
            {
                headers = await QuerySigner.SignAsync(endpoint.Url, body, _credentials, endpoint.SigningRegion, endpoint.Service, signedAt, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is AmazonClientException or AmazonServiceException)
            {
                // Refreshing credentials (SSO, assume-role, metadata) are fetched while signing.
                throw new AwsCredentialsException($"AWS credentials could not be refreshed: {e.Message}", e);
            }

            using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
            {
                Content = new ByteArrayContent(body),
            };
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(QuerySigner.FormContentType);
            foreach (var (name, value) in headers)
            {
                if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                    continue;
                message.Headers.TryAddWithoutValidation(name, value);
            }

            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var requestIdHeader = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return new AttemptOutcome(QueryResponse.Parse(request.Action, text, requestIdHeader), null);
                }
                catch (XmlException e)
                {
                    throw new MalformedAnswerException($"The answer to {request.Action} is not valid XML: {e.Message}", e);
                }
            }
            return new AttemptOutcome(null, AwsErrorResponse.Parse(response.StatusCode, text, requestIdHeader));
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private static ResiliencePipeline<AttemptOutcome> BuildPipeline(AwsClientOptions options)
    {
        var retry = options.Retry;
        var builder = new ResiliencePipelineBuilder<AttemptOutcome>();
        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<AttemptOutcome>
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(RetryClassifier.ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    FullJitterBackoff.Delay(args.AttemptNumber, retry.BaseDelay, retry.MaxDelay)),
                OnRetry = args =>
                {
                    if (options.OnRetry is { } notify)
                    {
                        var operation = args.Context.Properties.GetValue(OperationKey, "request");
                        notify(new AwsRetryNotice(operation, args.AttemptNumber + 1, RetryClassifier.Describe(args.Outcome), args.RetryDelay));
                    }
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(retry.AttemptTimeout);
        return builder.Build();
    }

    private Exception Translate(Exception exception, AwsServiceEndpoint endpoint, QueryRequest request, int attempts, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return new OperationCanceledException($"{endpoint.Service}:{request.Action} was cancelled.", exception, cancellationToken);
            case AwsException:
                return exception;
            case MalformedAnswerException malformed:
                return new AwsProtocolException($"{malformed.Message} (after {attempts} attempt{(attempts == 1 ? "" : "s")})", malformed.InnerException);
            case TimeoutRejectedException:
                return new AwsTransportException(endpoint.Service, request.Action, endpoint.Url, attempts,
                    $"no complete answer within {_options.Retry.AttemptTimeout.TotalSeconds:0.#} s", exception);
            case HttpRequestException or IOException:
                return new AwsTransportException(endpoint.Service, request.Action, endpoint.Url, attempts, RetryClassifier.DescribeException(exception), exception);
            default:
                return exception;
        }
    }

    private static AwsApiException CreateApiException(AwsServiceEndpoint endpoint, string operation, AwsErrorResponse error, int attempts) =>
        AwsErrorCodes.AccessDeniedCodes.Contains(error.Code)
            ? new AwsAccessDeniedException(endpoint.Service, operation, error.Code, error.Message, error.RequestId, error.StatusCode, attempts)
            : new AwsApiException(endpoint.Service, operation, error.Code, error.Message, error.RequestId, error.StatusCode, attempts);

    private sealed class AttemptCounter
    {
        public int Count;
    }
}

/// <summary>What one attempt produced: a parsed answer or AWS's error.</summary>
internal sealed record AttemptOutcome(QueryResponse? Response, AwsErrorResponse? Error);

/// <summary>A 2xx answer that could not be parsed; retried, since a truncated body is usually transient.</summary>
internal sealed class MalformedAnswerException(string message, Exception inner) : Exception(message, inner);
