using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using IamHarden.Core.Evaluation;

namespace IamHarden.Core.Simulation;

/// <summary>
/// Streams a JSONL file of requests through the evaluator and writes one result line per request,
/// in order: <c>{"id":..,"decision":".."}</c>, or <c>"decision":"error"</c> with an <c>"error"</c>
/// message for a line that cannot be evaluated (the batch goes on); a blank line is no request
/// and gets no result. Memory stays flat however long the input is: one read buffer, one write
/// buffer; answers are flushed whenever more input must be awaited.
/// </summary>
public sealed class BatchSimulator(PolicySet basePolicies, BatchLineParser parser)
{
    private const int MaxLineBytes = 16 * 1024 * 1024;

    /// <summary>Counts of what was written, for the summary.</summary>
    public sealed record Summary(long Requests, long Allowed, long ExplicitDeny, long ImplicitDeny, long Errors);

    public Summary Run(Stream input, Stream output, bool explain = false)
    {
        long lineNumber = 0, requests = 0, allowed = 0, explicitDeny = 0, implicitDeny = 0, errors = 0;
        var buffer = new byte[1 << 16];
        int begin = 0, filled = 0;
        var writer = new LineWriter(output);
        bool eof = false;
        try
        {
            while (true)
            {
                // The next complete line is buffer[begin..newline); read more when there is none.
                int newline = buffer.AsSpan(begin, filled - begin).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    if (begin > 0)
                    {
                        Buffer.BlockCopy(buffer, begin, buffer, 0, filled - begin);
                        filled -= begin;
                        begin = 0;
                    }
                    if (filled == buffer.Length)
                    {
                        if (buffer.Length >= MaxLineBytes) throw new BatchLineTooLongException(lineNumber + 1, MaxLineBytes);
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }
                    // Results so far go out before waiting for more input, so a caller that writes
                    // requests one at a time (a pipe) reads each answer as soon as it is decided.
                    writer.Flush();
                    int read = input.Read(buffer, filled, buffer.Length - filled);
                    if (read == 0) eof = true; else filled += read;
                    continue;
                }
                if (newline < 0 && begin == filled) break;
                int lineLength = newline >= 0 ? newline : filled - begin;
                lineNumber++;
                var line = buffer.AsSpan(begin, lineLength).TrimEnd((byte)'\r').Trim(" \t"u8);
                // A blank line is no request: it gets no result line (the ids keep results and requests paired).
                if (!line.IsEmpty)
                {
                    requests++;
                    var (decision, result, idJson, error) = Decide(line, lineNumber, explain);
                    switch (decision)
                    {
                        case Decision.Allowed: allowed++; break;
                        case Decision.ExplicitDeny: explicitDeny++; break;
                        case Decision.ImplicitDeny: implicitDeny++; break;
                        default: errors++; break;
                    }
                    writer.WriteResult(idJson, decision, error, result);
                }
                begin += newline >= 0 ? newline + 1 : lineLength;
            }
        }
        finally
        {
            // Whatever happens, the results decided so far reach the output.
            writer.Flush();
        }
        return new Summary(requests, allowed, explicitDeny, implicitDeny, errors);
    }

    private (Decision, EvaluationResult?, string IdJson, string? Error) Decide(ReadOnlySpan<byte> line, long lineNumber, bool explain)
    {
        BatchRequest batch;
        try
        {
            batch = parser.Parse(line, lineNumber);
        }
        catch (BatchLineException ex)
        {
            return (Decision.Error, null, ex.IdJson, ex.Message);
        }
        var policies = batch.Policies is null ? basePolicies : basePolicies with { Identity = batch.Policies };
        if (explain)
        {
            var result = PolicyEvaluator.Evaluate(policies, batch.Request);
            return (result.Decision, result, batch.IdJson, result.Error is null ? null : $"line {lineNumber}: {result.Error}");
        }
        var decision = PolicyEvaluator.Decide(policies, batch.Request);
        string? error = null;
        if (decision == Decision.Error) error = $"line {lineNumber}: {PolicyEvaluator.Evaluate(policies, batch.Request).Error}";
        return (decision, null, batch.IdJson, error);
    }

    /// <summary>Writes result lines into one reusable buffer and hands it to the stream in large blocks.</summary>
    private sealed class LineWriter(Stream output)
    {
        private static readonly byte[] IdPrefix = "{\"id\":"u8.ToArray();
        private static readonly byte[][] DecisionMembers = Enum.GetValues<Decision>()
            .Select(d => Encoding.UTF8.GetBytes($",\"decision\":\"{d.AwsName()}\"")).ToArray();
        private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        private readonly ArrayBufferWriter<byte> _extra = new();
        private byte[] _buffer = new byte[1 << 16];
        private int _length;

        public void WriteResult(string idJson, Decision decision, string? error, EvaluationResult? result)
        {
            Append(IdPrefix);
            Reserve(Encoding.UTF8.GetMaxByteCount(idJson.Length));
            _length += Encoding.UTF8.GetBytes(idJson, _buffer.AsSpan(_length));
            Append(DecisionMembers[(int)decision]);
            if (error is not null || result is not null)
            {
                _extra.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(_extra, WriterOptions))
                {
                    json.WriteStartObject();
                    if (error is not null) json.WriteString("error", error);
                    if (result is not null) SimulationJson.WriteReasons(json, result);
                    json.WriteEndObject();
                }
                // Splice the members of the small object into the line (drop its braces).
                var span = _extra.WrittenSpan;
                if (span.Length > 2)
                {
                    Append(","u8);
                    Append(span[1..^1]);
                }
            }
            Append("}\n"u8);
            if (_length >= 1 << 15) WriteOut();
        }

        public void Flush()
        {
            WriteOut();
            output.Flush();
        }

        private void WriteOut()
        {
            output.Write(_buffer, 0, _length);
            _length = 0;
        }

        private void Append(ReadOnlySpan<byte> bytes)
        {
            Reserve(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        private void Reserve(int bytes)
        {
            if (_length + bytes > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        }
    }
}

/// <summary>A request line longer than any request can be: the input is not a requests file, and the batch stops.</summary>
public sealed class BatchLineTooLongException(long lineNumber, int maxBytes)
    : Exception($"line {lineNumber} is longer than {maxBytes / (1024 * 1024)} MB; is this a requests file (one JSON object per line)?")
{
    public long LineNumber { get; } = lineNumber;
}
