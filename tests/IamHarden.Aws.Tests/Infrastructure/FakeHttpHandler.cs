using System.Net;
using System.Text;

namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>An in-process HTTP endpoint for unit tests: answers each request from a function and records what was sent.</summary>
internal sealed class FakeHttpHandler(Func<FakeHttpHandler.Request, HttpResponseMessage> answer) : HttpMessageHandler
{
    public sealed record Request(int Index, Uri Uri, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public string? Parameter(string name) =>
            Body.Split('&').Select(p => p.Split('=', 2)).Where(p => Uri.UnescapeDataString(p[0]) == name)
                .Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();
    }

    private readonly List<Request> _requests = [];

    public IReadOnlyList<Request> Requests
    {
        get
        {
            lock (_requests)
                return _requests.ToList();
        }
    }

    public static HttpResponseMessage Xml(HttpStatusCode status, string xml) =>
        new(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var body = message.Content is null ? "" : await message.Content.ReadAsStringAsync(cancellationToken);
        var headers = message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        Request request;
        lock (_requests)
        {
            request = new Request(_requests.Count, message.RequestUri!, body, headers);
            _requests.Add(request);
        }
        return answer(request);
    }
}
