namespace IamHarden.Aws.Tests.Infrastructure;

/// <summary>A moto server (with AWS managed policies) holding the <see cref="AccountSeeder"/> account, seeded once
/// per test class. Tests using it must not change the account.</summary>
public sealed class SeededAccount : IAsyncLifetime
{
    private readonly MotoServerWithManagedPolicies _moto = new();

    public Uri Endpoint => _moto.Endpoint;

    public async Task InitializeAsync()
    {
        await _moto.InitializeAsync();
        using var session = await TestSessions.ConnectAsync(Endpoint);
        await AccountSeeder.SeedAsync(session.Iam, withAwsManagedPolicies: true, Timeouts.Default);
    }

    public Task DisposeAsync() => _moto.DisposeAsync();
}
