namespace IamHarden.Aws;

/// <summary>Which virtual MFA devices ListVirtualMFADevices returns.</summary>
public enum VirtualMfaAssignmentStatus
{
    Any,
    Assigned,
    Unassigned,
}
