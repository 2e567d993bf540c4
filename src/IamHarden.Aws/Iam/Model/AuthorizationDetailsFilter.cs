namespace IamHarden.Aws;

/// <summary>The entity kinds GetAccountAuthorizationDetails returns (<c>Filter.member.N</c>). <see cref="All"/>
/// sends no filter, which AWS treats as every kind.</summary>
[Flags]
public enum AuthorizationDetailsFilter
{
    All = 0,
    User = 1,
    Group = 2,
    Role = 4,
    LocalManagedPolicy = 8,
    AwsManagedPolicy = 16,
}
