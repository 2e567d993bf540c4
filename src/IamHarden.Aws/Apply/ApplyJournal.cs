using System.Text;
using System.Text.Json;

namespace IamHarden.Aws.Apply;

/// <summary>
/// The apply journal (docs/APPLY.md): a JSON Lines file written as apply goes. Every change is written — and flushed
/// to disk — before its IAM call is sent, and its outcome after, so whatever happens to the process the file says what
/// may have changed; rollback (automatic on failure, or <c>apply --rollback FILE</c> later) reads it and appends its own
/// records. A journal is never overwritten.
/// </summary>
public sealed class ApplyJournal : IDisposable
{
    /// <summary>The value of <c>format</c> in the first record.</summary>
    public const string Format = "iamharden-apply-journal";

    /// <summary>The journal layout's version.</summary>
    public const int Version = 1;

    private readonly FileStream _file;

    private ApplyJournal(FileStream file, string path, string id)
    {
        _file = file;
        Path = path;
        Id = id;
    }

    /// <summary>Where the journal is.</summary>
    public string Path { get; }

    /// <summary>The apply's id (also tagged on the policies it creates, so rollback deletes only those).</summary>
    public string Id { get; }

    /// <summary>Starts a new journal; refuses an existing file.</summary>
    public static ApplyJournal Create(string path, string account, string caller, string? endpoint, string? config, int changes, DateTimeOffset now)
    {
        var id = Guid.NewGuid().ToString("N");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new IOException($"{path}: the journal file already exists; choose another --journal path (journals are never overwritten)", e);
        }
        var journal = new ApplyJournal(file, System.IO.Path.GetFullPath(path), id);
        journal.Write(w =>
        {
            w.WriteString("type", "start");
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteString("id", id);
            w.WriteString("at", now.ToString("O"));
            w.WriteString("account", account);
            w.WriteString("caller", caller);
            if (endpoint is not null) w.WriteString("endpoint", endpoint);
            if (config is not null) w.WriteString("config", config);
            w.WriteNumber("changes", changes);
        });
        return journal;
    }

    /// <summary>Opens an existing journal to append rollback records.</summary>
    public static ApplyJournal Append(string path, string id) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), System.IO.Path.GetFullPath(path), id);

    /// <summary>About to make change <paramref name="seq"/> (1-based).</summary>
    public void Intent(int seq, PlannedChange change) => Write(w =>
    {
        w.WriteString("type", "intent");
        w.WriteNumber("seq", seq);
        w.WritePropertyName("change");
        PlannedChangeJson.Write(w, change);
    });

    /// <summary>Change <paramref name="seq"/> was made; <paramref name="versionId"/> is the version it created, if any.</summary>
    public void Done(int seq, string? versionId) => Write(w =>
    {
        w.WriteString("type", "done");
        w.WriteNumber("seq", seq);
        if (versionId is not null) w.WriteString("versionId", versionId);
    });

    /// <summary>Change <paramref name="seq"/> failed (it may or may not have taken effect; rollback checks).</summary>
    public void Failed(int seq, string error) => Write(w =>
    {
        w.WriteString("type", "failed");
        w.WriteNumber("seq", seq);
        w.WriteString("error", error);
    });

    /// <summary>About to undo change <paramref name="seq"/>.</summary>
    public void UndoIntent(int seq) => Write(w =>
    {
        w.WriteString("type", "undo-intent");
        w.WriteNumber("seq", seq);
    });

    /// <summary>The undo of change <paramref name="seq"/> ended: <c>undone</c>, <c>undo-failed</c> or <c>undo-skipped</c>.</summary>
    public void UndoResult(int seq, UndoStatus status, string message) => Write(w =>
    {
        w.WriteString("type", status switch { UndoStatus.Undone => "undone", UndoStatus.Failed => "undo-failed", _ => "undo-skipped" });
        w.WriteNumber("seq", seq);
        w.WriteString("message", message);
    });

    /// <summary>The run ended: <c>applied</c>, <c>rolled-back</c> or <c>partially-rolled-back</c>.</summary>
    public void End(ApplyResult result, string message, DateTimeOffset now) => Write(w =>
    {
        w.WriteString("type", "end");
        w.WriteString("outcome", result.JsonName());
        w.WriteString("message", message);
        w.WriteString("at", now.ToString("O"));
    });

    private void Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        _file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        // On disk before the IAM call goes out: a crash right after still leaves the intent behind.
        _file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file.Dispose();
}
