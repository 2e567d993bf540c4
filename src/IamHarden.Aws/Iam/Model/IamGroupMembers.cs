namespace IamHarden.Aws;

/// <summary>A group and every user in it (GetGroup, all pages).</summary>
public sealed record IamGroupMembers(IamGroup Group, IReadOnlyList<IamUser> Users);
