using System.Xml.Linq;

namespace IamHarden.Aws;

/// <summary>
/// A successful Query API answer: the <c>&lt;{Operation}Result&gt;</c> element (null for operations that return
/// nothing, such as AttachGroupPolicy) and AWS's request id.
/// </summary>
/// <param name="Operation">The API operation that was called.</param>
/// <param name="Result">The result element, or null when the operation has no output.</param>
/// <param name="RequestId">AWS's request id (from <c>ResponseMetadata</c> or the <c>x-amzn-RequestId</c> header).</param>
public sealed record QueryResponse(string Operation, XElement? Result, string? RequestId)
{
    /// <summary>The result element; throws <see cref="AwsProtocolException"/> when the answer had none.</summary>
    public XElement RequiredResult =>
        Result ?? throw new AwsProtocolException($"The answer to {Operation} has no {Operation}Result element.");

    /// <summary>True when the page says more items follow (<c>IsTruncated</c>).</summary>
    public bool IsTruncated => Result?.ChildText("IsTruncated") == "true";

    /// <summary>The marker for the next page, when truncated.</summary>
    public string? Marker => Result?.ChildText("Marker");

    /// <summary>Parses a successful answer body.</summary>
    internal static QueryResponse Parse(string operation, string body, string? requestIdHeader)
    {
        // Whitespace is preserved so that values (tag values, descriptions) reach the caller exactly as AWS sent them.
        var root = XDocument.Parse(body, LoadOptions.PreserveWhitespace).Root
                   ?? throw new AwsProtocolException($"The answer to {operation} is an empty XML document.");
        var result = root.Child(operation + "Result");
        var requestId = root.Child("ResponseMetadata")?.ChildText("RequestId") ?? requestIdHeader;
        return new QueryResponse(operation, result, requestId);
    }
}
