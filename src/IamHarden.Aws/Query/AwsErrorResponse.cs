using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace IamHarden.Aws;

/// <summary>An error answer, parsed from <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>,
/// or synthesised from the HTTP status when the body is not AWS XML (a proxy's HTML page, an empty 503).</summary>
internal sealed record AwsErrorResponse(HttpStatusCode StatusCode, string Code, string Message, string? Type, string? RequestId)
{
    public static AwsErrorResponse Parse(HttpStatusCode status, string body, string? requestIdHeader)
    {
        try
        {
            var root = XDocument.Parse(body).Root;
            var error = root?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            var code = error?.ChildText("Code");
            if (root is not null && error is not null && !string.IsNullOrEmpty(code))
            {
                // Match "Message" exactly first: some servers also send a lower-case duplicate.
                var message = error.ChildText("Message")
                              ?? error.Elements().FirstOrDefault(e => string.Equals(e.Name.LocalName, "Message", StringComparison.OrdinalIgnoreCase))?.Value
                              ?? "";
                var requestId = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value ?? requestIdHeader;
                return new AwsErrorResponse(status, code.Trim(), message.Trim(), error.ChildText("Type"), requestId);
            }
        }
        catch (XmlException)
        {
            // Not AWS XML: fall through and describe the HTTP status.
        }
        // A proxy or load balancer page: keep its words, not its markup.
        var words = Regex.Replace(Regex.Replace(body, "<[^>]*>", " "), @"\s+", " ").Trim();
        var snippet = words.Length > 200 ? words[..200] + "…" : words;
        var text = $"HTTP {(int)status} {status}" + (snippet.Length > 0 ? $": {snippet}" : "");
        return new AwsErrorResponse(status, $"Http{(int)status}", text, null, requestIdHeader);
    }
}
