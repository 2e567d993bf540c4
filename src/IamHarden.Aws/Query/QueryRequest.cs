using System.Globalization;
using System.Text;

namespace IamHarden.Aws;

/// <summary>
/// One AWS Query API call: the action and its parameters in the order they are sent. Parameters are serialised the
/// awsQuery way (lists as <c>Name.member.N</c>, tags as <c>Tags.member.N.Key/Value</c>) and form-encoded once, so a
/// policy document travels as its raw JSON text.
/// </summary>
public sealed class QueryRequest
{
    private readonly List<KeyValuePair<string, string>> _parameters;

    public QueryRequest(string action)
        : this(action, [])
    {
    }

    private QueryRequest(string action, List<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        Action = action;
        _parameters = parameters;
    }

    /// <summary>The API operation, e.g. <c>ListPolicies</c>.</summary>
    public string Action { get; }

    /// <summary>The parameters in the order they are sent (Action and Version excluded).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => _parameters;

    /// <summary>Adds a parameter; a null value means "not sent".</summary>
    public QueryRequest Add(string name, string? value)
    {
        if (value is not null)
            _parameters.Add(new(name, value));
        return this;
    }

    /// <summary>Adds an integer parameter; null means "not sent".</summary>
    public QueryRequest Add(string name, int? value) =>
        Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean parameter as <c>true</c>/<c>false</c>; null means "not sent".</summary>
    public QueryRequest Add(string name, bool? value) =>
        Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds a list as <c>Name.member.1</c>, <c>Name.member.2</c>…; nothing is sent for an empty list.</summary>
    public QueryRequest AddList(string name, IEnumerable<string> values)
    {
        var index = 1;
        foreach (var value in values)
            _parameters.Add(new($"{name}.member.{index++}", value));
        return this;
    }

    /// <summary>Adds tags as <c>Tags.member.N.Key</c> / <c>Tags.member.N.Value</c>.</summary>
    public QueryRequest AddTags(IEnumerable<KeyValuePair<string, string>> tags, string name = "Tags")
    {
        var index = 1;
        foreach (var (key, value) in tags)
        {
            _parameters.Add(new($"{name}.member.{index}.Key", key));
            _parameters.Add(new($"{name}.member.{index}.Value", value));
            index++;
        }
        return this;
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (replaced if present, removed when null).</summary>
    public QueryRequest With(string name, string? value)
    {
        var copy = _parameters.Where(p => p.Key != name).ToList();
        if (value is not null)
            copy.Add(new(name, value));
        return new QueryRequest(Action, copy);
    }

    /// <summary>The form-encoded body: <c>Action=…&amp;Version=…&amp;</c> then the parameters, each name and value
    /// percent-encoded once (RFC 3986, as SigV4 and AWS expect).</summary>
    public string ToFormBody(string apiVersion)
    {
        var body = new StringBuilder();
        Append(body, "Action", Action);
        Append(body, "Version", apiVersion);
        foreach (var (name, value) in _parameters)
            Append(body, name, value);
        return body.ToString();
    }

    public override string ToString() => Action;

    private static void Append(StringBuilder body, string name, string value)
    {
        if (body.Length > 0)
            body.Append('&');
        body.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
