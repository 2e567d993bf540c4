namespace IamHarden.Analysis.Replay;

/// <summary>How an event's (eventSource, eventName) translates into what IAM authorizes.</summary>
public enum EventActionKind
{
    /// <summary>An API call that IAM authorizes as <see cref="EventAction.Action"/>.</summary>
    Action,
    /// <summary>A console sign-in event (ConsoleLogin, CheckMfa, SwitchRole, ...): not decided by IAM policies.</summary>
    SignIn,
    /// <summary>An operation that needs no permission and cannot be denied (sts:GetCallerIdentity).</summary>
    NeedsNoPermission,
    /// <summary>An operation whose IAM action cannot be derived from its name (API Gateway management uses HTTP verbs).</summary>
    NotDerivable,
}

/// <summary>The IAM action an event stands for, or why it stands for none.</summary>
public readonly record struct EventAction(EventActionKind Kind, string Action)
{
    public static EventAction Of(string action) => new(EventActionKind.Action, action);
}
