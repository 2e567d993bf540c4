using IamHarden.Analysis.Replay;

namespace IamHarden.Analysis.Tests.Replay;

public class RecentEventIdsTests
{
    [Fact]
    public void A_repeat_within_the_window_is_a_duplicate()
    {
        var ids = new RecentEventIds(capacity: 3);
        Assert.True(ids.Add("3f1c0a3e-0000-4000-8000-000000000001"));
        Assert.False(ids.Add("3F1C0A3E-0000-4000-8000-000000000001"));
        Assert.True(ids.Add("not-a-guid"));
        Assert.False(ids.Add("not-a-guid"));
    }

    [Fact]
    public void The_window_is_bounded()
    {
        var ids = new RecentEventIds(capacity: 2);
        Assert.True(ids.Add("00000000-0000-4000-8000-000000000001"));
        Assert.True(ids.Add("00000000-0000-4000-8000-000000000002"));
        Assert.True(ids.Add("00000000-0000-4000-8000-000000000003"));
        // The first ID left the window: seen again, it counts as new.
        Assert.True(ids.Add("00000000-0000-4000-8000-000000000001"));
        Assert.False(ids.Add("00000000-0000-4000-8000-000000000003"));
    }
}
