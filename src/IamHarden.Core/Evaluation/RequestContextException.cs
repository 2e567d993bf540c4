namespace IamHarden.Core.Evaluation;

/// <summary>
/// A context value cannot be read the way a condition needs it (e.g. aws:SourceIp = "not-an-ip").
/// The request cannot be evaluated; the decision is <see cref="Decision.Error"/> (spec §5.9).
/// </summary>
public sealed class RequestContextException(string key, string value, string expected)
    : Exception($"context key \"{key}\" has the value \"{value}\", which is not {expected}")
{
    public string Key { get; } = key;
    public string Value { get; } = value;
}
