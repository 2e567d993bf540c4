namespace IamHarden.Aws.Apply;

/// <summary>What a planned change does; each is one IAM call.</summary>
public enum ChangeAction
{
    /// <summary>CreatePolicy: the guardrail's policy does not exist yet.</summary>
    CreatePolicy,
    /// <summary>DeletePolicyVersion of the oldest non-default version, so a new one fits under AWS's limit of five.</summary>
    DeletePolicyVersion,
    /// <summary>CreatePolicyVersion with SetAsDefault: the document in force differs from the desired one.</summary>
    CreatePolicyVersion,
    /// <summary>SetDefaultPolicyVersion: a non-default version already holds the desired document.</summary>
    SetDefaultPolicyVersion,
    /// <summary>AttachGroupPolicy to a group the configuration lists.</summary>
    AttachGroupPolicy,
    /// <summary>DetachGroupPolicy from a group the configuration no longer lists.</summary>
    DetachGroupPolicy,
}

/// <summary>The names plan's JSON and the journal use (camelCase of the IAM operation).</summary>
public static class ChangeActionNames
{
    public static string JsonName(this ChangeAction action) => action switch
    {
        ChangeAction.CreatePolicy => "createPolicy",
        ChangeAction.DeletePolicyVersion => "deletePolicyVersion",
        ChangeAction.CreatePolicyVersion => "createPolicyVersion",
        ChangeAction.SetDefaultPolicyVersion => "setDefaultPolicyVersion",
        ChangeAction.AttachGroupPolicy => "attachGroupPolicy",
        _ => "detachGroupPolicy",
    };

    public static ChangeAction Parse(string name)
    {
        foreach (var action in Enum.GetValues<ChangeAction>())
            if (action.JsonName() == name) return action;
        throw new FormatException($"unknown change action \"{name}\"");
    }

    /// <summary>The IAM action (permission) the change needs.</summary>
    public static string IamAction(this ChangeAction action) => "iam:" + action switch
    {
        ChangeAction.CreatePolicy => "CreatePolicy",
        ChangeAction.DeletePolicyVersion => "DeletePolicyVersion",
        ChangeAction.CreatePolicyVersion => "CreatePolicyVersion",
        ChangeAction.SetDefaultPolicyVersion => "SetDefaultPolicyVersion",
        ChangeAction.AttachGroupPolicy => "AttachGroupPolicy",
        _ => "DetachGroupPolicy",
    };
}
