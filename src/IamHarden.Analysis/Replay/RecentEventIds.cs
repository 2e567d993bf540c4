namespace IamHarden.Analysis.Replay;

/// <summary>
/// The eventIDs of the last <see cref="Capacity"/> events read, to drop duplicate deliveries
/// (CloudTrail User Guide: an event may be delivered more than once; the copies arrive close
/// together). Bounded, so a year of history replays in the same memory as a day: about 40 bytes an ID.
/// </summary>
public sealed class RecentEventIds(int capacity = RecentEventIds.DefaultCapacity)
{
    public const int DefaultCapacity = 2_000_000;

    private readonly HashSet<Guid> _ids = [];
    private readonly Queue<Guid> _order = new();

    public int Capacity { get; } = capacity;

    /// <summary>True the first time an ID is seen (within the window); false for a repeat.</summary>
    public bool Add(string eventId)
    {
        // eventIDs are GUIDs; anything else (a record without one) is keyed by a stable hash of its text.
        var id = Guid.TryParse(eventId, out var guid) ? guid : HashedId(eventId);
        if (!_ids.Add(id)) return false;
        _order.Enqueue(id);
        if (_order.Count > Capacity) _ids.Remove(_order.Dequeue());
        return true;
    }

    private static Guid HashedId(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text), hash);
        return new Guid(hash[..16]);
    }
}
