using IamHarden.Core.Evaluation;

namespace IamHarden.Core.Tests.Evaluation;

/// <summary>The request context: case-insensitive keys (spec §5.2), exactly the keys set, copies that stay apart.</summary>
public class RequestContextTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(40)] // past the size where an index takes over from the array
    public void Keys_are_case_insensitive_and_keep_their_first_spelling(int others)
    {
        var context = new RequestContext();
        for (int i = 0; i < others; i++) context.Set($"test:Key{i}", i.ToString());
        context.Set("aws:PrincipalTag/Team", "blue");
        context.Set("AWS:principaltag/team", "red");
        Assert.Equal(others + 1, context.Count);
        Assert.Equal("red", context.Find("aws:principaltag/TEAM")![0]);
        Assert.Contains(context.Entries, e => e.Key == "aws:PrincipalTag/Team");
        Assert.Null(context.Find("aws:PrincipalTag/Team2"));
        for (int i = 0; i < others; i++) Assert.Equal(i.ToString(), context.Find($"TEST:key{i}")![0]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    public void Remove_takes_out_one_key_and_keeps_the_rest_in_order(int count)
    {
        var context = new RequestContext();
        for (int i = 0; i < count; i++) context.Set($"k{i}", $"v{i}");
        context.Remove("K0").Remove("no-such-key");
        Assert.False(context.Contains("k0"));
        Assert.Equal(Enumerable.Range(1, count - 1).Select(i => $"k{i}"), context.Entries.Select(e => e.Key));
        context.Set("k0", "back");
        Assert.Equal("back", context.Find("k0")![0]);
    }

    [Fact]
    public void A_clone_can_change_without_touching_the_original()
    {
        var original = new RequestContext().Set("aws:SourceIp", "203.0.113.9").SetList("aws:TagKeys", ["a", "b"]);
        var copy = original.Clone().Set("aws:SourceIp", "198.51.100.7").Remove("aws:TagKeys");
        Assert.Equal("203.0.113.9", original.Find("aws:SourceIp")![0]);
        Assert.True(original.Find("aws:TagKeys")!.IsList);
        Assert.Equal(1, copy.Count);
    }

    [Fact]
    public void Empty_is_shared_and_cannot_be_changed()
    {
        Assert.Throws<InvalidOperationException>(() => RequestContext.Empty.Set("aws:SourceIp", "203.0.113.9"));
        Assert.Throws<InvalidOperationException>(() => RequestContext.Empty.Remove("aws:SourceIp"));
        Assert.Equal(0, RequestContext.Empty.Count);
    }

    [Fact]
    public void Only_single_values_resolve_policy_variables()
    {
        var context = new RequestContext().Set("aws:username", "alice").SetList("aws:TagKeys", ["a"]).Set("empty", "");
        Assert.Equal("alice", context.ResolveVariable("AWS:USERNAME"));
        Assert.Null(context.ResolveVariable("aws:TagKeys")); // a list never resolves (spec §6)
        Assert.Equal("", context.ResolveVariable("empty"));
        Assert.Null(context.ResolveVariable("absent"));
    }
}
