using System.Globalization;
using System.Text.Json;

namespace IamHarden.Analysis.Replay;

/// <summary>
/// Reads one CloudTrail event record in a single pass over its JSON (Utf8JsonReader, no document
/// tree): only the members the replay needs are decoded, everything else is skipped. Shapes that
/// are not CloudTrail's raise <see cref="CloudTrailException"/> with the record's position.
/// </summary>
internal static class CloudTrailRecordReader
{
    /// <summary>Reads the record whose StartObject the reader is on; leaves the reader on its EndObject.</summary>
    public static CloudTrailRecord Read(ref Utf8JsonReader reader, string location)
    {
        string? eventId = null, time = null, source = null, name = null, type = null, category = null, region = null,
            ip = null, vpce = null, agent = null, error = null;
        bool tls = false;
        CloudTrailIdentity identity = new();
        IReadOnlyList<string> resources = [];
        IReadOnlyDictionary<string, string> parameters = Empty;

        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var member = reader.ValueSpan;
            Next(ref reader);
            if (member.SequenceEqual("eventID"u8)) eventId = Text(ref reader);
            else if (member.SequenceEqual("eventTime"u8)) time = Text(ref reader);
            else if (member.SequenceEqual("eventSource"u8)) source = Text(ref reader);
            else if (member.SequenceEqual("eventName"u8)) name = Text(ref reader);
            else if (member.SequenceEqual("eventType"u8)) type = Text(ref reader);
            else if (member.SequenceEqual("eventCategory"u8)) category = Text(ref reader);
            else if (member.SequenceEqual("awsRegion"u8)) region = Text(ref reader);
            else if (member.SequenceEqual("sourceIPAddress"u8)) ip = Text(ref reader);
            else if (member.SequenceEqual("vpcEndpointId"u8)) vpce = Text(ref reader);
            else if (member.SequenceEqual("userAgent"u8)) agent = Text(ref reader);
            else if (member.SequenceEqual("errorCode"u8)) error = Text(ref reader);
            else if (member.SequenceEqual("tlsDetails"u8)) { tls = reader.TokenType == JsonTokenType.StartObject; reader.Skip(); }
            else if (member.SequenceEqual("userIdentity"u8)) identity = Identity(ref reader);
            else if (member.SequenceEqual("resources"u8)) resources = Resources(ref reader);
            else if (member.SequenceEqual("requestParameters"u8)) parameters = Parameters(ref reader);
            else reader.Skip();
        }

        CloudTrailException Bad(string what) => new($"{location}: {what}");
        string Required(string? value, string member) =>
            value ?? throw Bad($"the event record has no \"{member}\" (expected a CloudTrail event record)");
        var timeText = Required(time, "eventTime");
        if (!TryTime(timeText, out var eventTime))
            throw Bad($"eventTime \"{timeText}\" is not an ISO 8601 time such as 2026-11-30T08:12:44Z");

        return new CloudTrailRecord
        {
            EventId = eventId ?? location,
            EventTime = eventTime,
            EventSource = Required(source, "eventSource"),
            EventName = Required(name, "eventName"),
            EventType = type,
            EventCategory = category,
            AwsRegion = region,
            SourceIpAddress = ip,
            VpcEndpointId = vpce,
            UserAgent = agent,
            ErrorCode = error,
            HasTlsDetails = tls,
            Identity = identity,
            ResourceArns = resources,
            RequestParameters = parameters,
            Location = location,
        };
    }

    private static CloudTrailIdentity Identity(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return new CloudTrailIdentity(); }
        string? type = null, arn = null, account = null, user = null, principalId = null, key = null, mfa = null, created = null, issuer = null, invokedBy = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var member = reader.ValueSpan;
            Next(ref reader);
            if (member.SequenceEqual("type"u8)) type = Text(ref reader);
            else if (member.SequenceEqual("arn"u8)) arn = Text(ref reader);
            else if (member.SequenceEqual("accountId"u8)) account = Text(ref reader);
            else if (member.SequenceEqual("userName"u8)) user = Text(ref reader);
            else if (member.SequenceEqual("principalId"u8)) principalId = Text(ref reader);
            else if (member.SequenceEqual("accessKeyId"u8)) key = Text(ref reader);
            else if (member.SequenceEqual("invokedBy"u8)) invokedBy = Text(ref reader);
            else if (member.SequenceEqual("sessionContext"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                while (Next(ref reader) != JsonTokenType.EndObject)
                {
                    var part = reader.ValueSpan;
                    Next(ref reader);
                    if (part.SequenceEqual("attributes"u8) && reader.TokenType == JsonTokenType.StartObject)
                    {
                        while (Next(ref reader) != JsonTokenType.EndObject)
                        {
                            var attribute = reader.ValueSpan;
                            Next(ref reader);
                            // mfaAuthenticated is written as a string; accept a JSON boolean too.
                            if (attribute.SequenceEqual("mfaAuthenticated"u8)) mfa = Text(ref reader)?.ToLowerInvariant();
                            else if (attribute.SequenceEqual("creationDate"u8)) created = Text(ref reader);
                            else reader.Skip();
                        }
                    }
                    else if (part.SequenceEqual("sessionIssuer"u8) && reader.TokenType == JsonTokenType.StartObject)
                    {
                        while (Next(ref reader) != JsonTokenType.EndObject)
                        {
                            var field = reader.ValueSpan;
                            Next(ref reader);
                            if (field.SequenceEqual("arn"u8)) issuer = Text(ref reader);
                            else reader.Skip();
                        }
                    }
                    else reader.Skip();
                }
            }
            else reader.Skip();
        }
        return new CloudTrailIdentity
        {
            Type = type, Arn = arn, AccountId = account, UserName = user, PrincipalId = principalId, AccessKeyId = key,
            MfaAuthenticated = mfa, SessionCreated = created is not null && TryTime(created, out var c) ? c : null,
            SessionIssuerArn = issuer, InvokedBy = invokedBy,
        };
    }

    private static IReadOnlyList<string> Resources(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); return []; }
        List<string>? arns = null;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
            while (Next(ref reader) != JsonTokenType.EndObject)
            {
                var member = reader.ValueSpan;
                Next(ref reader);
                if ((member.SequenceEqual("ARN"u8) || member.SequenceEqual("arn"u8)) && Text(ref reader) is { Length: > 0 } arn) (arns ??= []).Add(arn);
                else reader.Skip();
            }
        }
        return arns ?? (IReadOnlyList<string>)[];
    }

    /// <summary>The string-valued top-level members of requestParameters; nested values are skipped.</summary>
    private static IReadOnlyDictionary<string, string> Parameters(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); return Empty; }
        Dictionary<string, string>? result = null;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var member = reader.GetString()!;
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.String) (result ??= new(StringComparer.Ordinal))[member] = reader.GetString()!;
            else reader.Skip();
        }
        return result ?? Empty;
    }

    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new CloudTrailException("unexpected end of the event record (the file is truncated)");
        return reader.TokenType;
    }

    /// <summary>A string member's value; booleans as "true"/"false"; anything else is skipped and reads as absent.</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            default: reader.Skip(); return null;
        }
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
