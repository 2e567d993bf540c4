using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>What the proxy does with one request.</summary>
public enum ProxyFault
{
    /// <summary>Forward to the upstream server.</summary>
    None,
    /// <summary>Answer 400 with IAM's Throttling error.</summary>
    Throttle,
    /// <summary>Answer 500 with IAM's ServiceFailure error.</summary>
    ServerError,
    /// <summary>Answer 503 with an HTML page (what a load balancer sends).</summary>
    Unavailable,
    /// <summary>Close the connection with a TCP reset instead of answering.</summary>
    Reset,
    /// <summary>Answer 403 AccessDenied as IAM does for a missing permission.</summary>
    AccessDenied,
    /// <summary>Forward to the upstream server (which acts on it), then reset the connection instead of answering: the
    /// client cannot tell whether the request took effect.</summary>
    ResetAfterForward,
    /// <summary>Answer 403 ExpiredToken, as STS and IAM do for session credentials past their expiry.</summary>
    ExpiredToken,
}

/// <summary>
/// A small HTTP/1.1 proxy on a loopback port between the client and moto. A rule decides, per request (by action
/// and sequence number), whether to forward it or to inject a fault. Counts every request it sees.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _upstream;
    private readonly Func<string, int, ProxyFault> _rule;
    private readonly Func<string, int, Task>? _beforeForward;
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _requests;
    private int _faults;

    /// <param name="upstream">Where healthy requests go.</param>
    /// <param name="rule">Given the action and the 0-based index of the request, what to do.</param>
    /// <param name="beforeForward">Awaited before a request is forwarded (with the action and index): lets a test hold a
    /// request in flight — sent by the client, not yet seen by the server — for as long as it wants.</param>
    public FaultProxy(Uri upstream, Func<string, int, ProxyFault> rule, Func<string, int, Task>? beforeForward = null)
    {
        _upstream = upstream;
        _rule = rule;
        _beforeForward = beforeForward;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = AcceptAsync();
    }

    public Uri Endpoint { get; }

    public int Requests => Volatile.Read(ref _requests);

    public int Faults => Volatile.Read(ref _faults);

    /// <summary>A rule that injects <paramref name="fault"/> into the first <paramref name="count"/> requests.</summary>
    public static Func<string, int, ProxyFault> FirstN(int count, ProxyFault fault) =>
        (_, index) => index < count ? fault : ProxyFault.None;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        _forward.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var request = await ReadRequestAsync(stream);
                    if (request is null)
                        return;
                    var index = Interlocked.Increment(ref _requests) - 1;
                    var action = ActionOf(request.Value.Body);
                    var fault = _rule(action, index);
                    if (fault != ProxyFault.None)
                        Interlocked.Increment(ref _faults);
                    switch (fault)
                    {
                        case ProxyFault.Reset:
                            client.LingerState = new LingerOption(true, 0);
                            client.Client.Close();
                            return;
                        case ProxyFault.Throttle:
                            await WriteAsync(stream, 400, "text/xml", ErrorXml("Sender", "Throttling", "Rate exceeded"));
                            break;
                        case ProxyFault.ServerError:
                            await WriteAsync(stream, 500, "text/xml", ErrorXml("Receiver", "ServiceFailure", "An internal error occurred."));
                            break;
                        case ProxyFault.Unavailable:
                            await WriteAsync(stream, 503, "text/html", "<html><body>503 Service Temporarily Unavailable</body></html>");
                            break;
                        case ProxyFault.ResetAfterForward:
                            if (_beforeForward is not null) await _beforeForward(action, index);
                            await ForwardAsync(stream, request.Value, answer: false);
                            client.LingerState = new LingerOption(true, 0);
                            client.Client.Close();
                            return;
                        case ProxyFault.ExpiredToken:
                            await WriteAsync(stream, 403, "text/xml", ErrorXml("Sender", "ExpiredToken", "The security token included in the request is expired"));
                            break;
                        case ProxyFault.AccessDenied:
                            await WriteAsync(stream, 403, "text/xml", ErrorXml("Sender", "AccessDenied",
                                $"User: arn:aws:iam::123456789012:user/auditor is not authorized to perform: iam:{action} on resource: * because no identity-based policy allows the iam:{action} action"));
                            break;
                        default:
                            // Held requests are forwarded even if the client has given up meanwhile, as a real
                            // network does with a request already on its way.
                            if (_beforeForward is not null) await _beforeForward(action, index);
                            await ForwardAsync(stream, request.Value);
                            break;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                // The client went away; nothing to clean up beyond the socket.
            }
        }
    }

    private async Task ForwardAsync(NetworkStream stream, (string Method, string Target, Dictionary<string, string> Headers, byte[] Body) request, bool answer = true)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream, request.Target))
        {
            Content = new ByteArrayContent(request.Body),
        };
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!message.Headers.TryAddWithoutValidation(name, value))
                message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await _forward.SendAsync(message, _stop.Token);
        var body = await response.Content.ReadAsByteArrayAsync(_stop.Token);
        if (!answer)
            return;
        await WriteAsync(stream, (int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "text/xml", body);
    }

    private static async Task<(string Method, string Target, Dictionary<string, string> Headers, byte[] Body)?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one) == 0)
                return null;
            head.Add(one[0]);
            if (head.Count > 64 * 1024)
                throw new IOException("Request head too large.");
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return (start[0], start[1], headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';

    private static Task WriteAsync(NetworkStream stream, int status, string contentType, string body) =>
        WriteAsync(stream, status, contentType, Encoding.UTF8.GetBytes(body));

    private static async Task WriteAsync(NetworkStream stream, int status, string contentType, byte[] body)
    {
        var head = $"HTTP/1.1 {status} {(HttpStatusCode)status}\r\nContent-Type: {contentType}\r\nContent-Length: {body.Length}\r\n" +
                   $"x-amzn-RequestId: proxy-{Guid.NewGuid():N}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static string ErrorXml(string type, string code, string message) =>
        $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>{type}</Type><Code>{code}</Code>" +
        $"<Message>{System.Security.SecurityElement.Escape(message)}</Message></Error><RequestId>proxy-{Guid.NewGuid():N}</RequestId></ErrorResponse>";

    private static string ActionOf(byte[] body)
    {
        foreach (var pair in Encoding.UTF8.GetString(body).Split('&'))
        {
            if (pair.StartsWith("Action=", StringComparison.Ordinal))
                return Uri.UnescapeDataString(pair["Action=".Length..]);
        }
        return "";
    }
}
