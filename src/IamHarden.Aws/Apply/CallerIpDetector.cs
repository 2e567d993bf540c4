using System.Net;

namespace IamHarden.Aws.Apply;

/// <summary>
/// Finds the caller's public address the way AWS will see it, by asking an HTTPS "what is my IP" service (AWS's own
/// https://checkip.amazonaws.com/ by default; the environment variable IAMHARDEN_CHECKIP_URL replaces it). Fails
/// gracefully: no network, a proxy, a time-out or an answer that is not one address give null and the reason, and the
/// lockout guard then asks for --caller-ip instead of guessing.
/// </summary>
public sealed class CallerIpDetector
{
    /// <summary>The service asked when IAMHARDEN_CHECKIP_URL is not set.</summary>
    public static readonly Uri DefaultService = new("https://checkip.amazonaws.com/");

    private readonly Uri _service;
    private readonly TimeSpan _timeout;

    public CallerIpDetector(Uri? service = null, TimeSpan? timeout = null)
    {
        _service = service ?? (Environment.GetEnvironmentVariable("IAMHARDEN_CHECKIP_URL") is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var u) ? u : DefaultService);
        _timeout = timeout ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>The service asked.</summary>
    public Uri Service => _service;

    /// <summary>The caller's public address, or null and why it could not be found.</summary>
    public async Task<(IPAddress? Address, string Description)> DetectAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = _timeout };
        try
        {
            var text = (await http.GetStringAsync(_service, cancellationToken).ConfigureAwait(false)).Trim();
            return IPAddress.TryParse(text, out var address)
                ? (address, $"detected by {_service}")
                : (null, $"{_service} answered something that is not an address");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"could not ask {_service} for your public address ({(e is TaskCanceledException ? $"no answer within {_timeout.TotalSeconds:0} s" : e.Message)})");
        }
    }
}
