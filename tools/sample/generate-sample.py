#!/usr/bin/env python3
"""Writes samples/account: a realistic sample account snapshot (the files the AWS CLI writes) and
its config. About 30 users that between them trigger every audit check, plus clean users.

Deterministic: run it again and the files do not change. Policies come from `./iamharden policy`
(the guide's and the recommended guardrails) and from the bundled AWS managed policies.
Usage: python3 tools/sample/generate-sample.py
"""
import csv, gzip, io, json, os, subprocess, urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "samples", "account")
ACCOUNT = "111122223333"
CIDRS = ["203.0.113.0/24", "2001:db8:1234::/48"]


def iamharden(*args):
    return json.loads(subprocess.check_output([os.path.join(ROOT, "iamharden"), *args], cwd=ROOT))


def aws_managed():
    result = {}
    with gzip.open(os.path.join(ROOT, "tests", "fixtures", "managed-policies", "managed-policies.jsonl.gz"), "rt") as f:
        for line in f:
            p = json.loads(line)
            result[p["name"]] = p
    return result


def arn(kind, name, path="/"):
    return f"arn:aws:iam::{ACCOUNT}:{kind}{path}{name}"


def policy_arn(name, path="/"):
    return f"arn:aws:iam::{ACCOUNT}:policy{path}{name}"


def ts(day, time="09:00:00"):
    return f"{day}T{time}+00:00"


def doc(*statements):
    return {"Version": "2012-10-17", "Statement": list(statements)}


# --- customer managed policies -------------------------------------------------------------
force_mfa = iamharden("policy", "mfa")
force_mfa_guide = iamharden("policy", "mfa", "--variant", "guide")
ip_recommended = iamharden("policy", "ip", *sum([["--cidr", c] for c in CIDRS], []))
ip_guide = iamharden("policy", "ip", "--variant", "guide", "--cidr", CIDRS[0])
decoy_force_mfa = doc({  # named like the guide's policy, but Action where NotAction was meant: denies only enrolment
    "Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny",
    "Action": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
               "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"],
    "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})
bool_force_mfa = doc({  # Bool instead of BoolIfExists: long-term access keys escape it
    "Sid": "DenyAllExceptListedIfNoMFA", "Effect": "Deny",
    "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices",
                  "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken", "iam:ChangePassword",
                  "iam:GetAccountPasswordPolicy"],
    "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})
data_guardrail = doc(  # a differently named policy that does enforce MFA (credited by semantics, not by name)
    {"Sid": "S3DataAccess", "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
     "Resource": ["arn:aws:s3:::example-data-lake", "arn:aws:s3:::example-data-lake/*"]},
    {"Sid": "NoWorkWithoutMfa", "Effect": "Deny",
     "NotAction": ["iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice", "iam:EnableMFADevice",
                   "iam:GetAccountPasswordPolicy", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices",
                   "iam:ResyncMFADevice", "sts:GetSessionToken"],
     "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}})
legacy_full = doc({"Sid": "Everything", "Effect": "Allow", "Action": "*", "Resource": "*"})
unused_admin = doc({"Effect": "Allow", "NotAction": ["organizations:LeaveOrganization"], "Resource": "*"})
contractor = doc(
    {"Sid": "ContractorWork", "Effect": "Allow", "Action": ["ec2:Describe*", "s3:GetObject", "s3:ListBucket"], "Resource": "*"},
    {"Sid": "OnlyFromPartnerNetworks", "Effect": "Deny", "Action": "*", "Resource": "*",
     "Condition": {"NotIpAddress": {"aws:SourceIp": ["0.0.0.0/0", "10.0.0.0/8"]}, "Bool": {"aws:ViaAWSService": "false"}}})
deploy = doc({"Sid": "Deploy", "Effect": "Allow",
              "Action": ["cloudformation:*", "s3:PutObject", "s3:GetObject", "lambda:UpdateFunctionCode", "iam:PassRole"],
              "Resource": "*"})
reader_boundary = doc({"Sid": "ReadOnlyBoundary", "Effect": "Allow", "Action": ["ec2:Describe*", "s3:Get*", "s3:List*", "iam:Get*", "iam:List*"], "Resource": "*"})
no_iam_boundary = doc({"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Sid": "NoIam", "Effect": "Deny", "Action": "iam:*", "Resource": "*"})

customer = {
    "Force_MFA": (force_mfa, "/security/"),
    "Force_MFA_Guide": (force_mfa_guide, "/security/"),
    "Restrict_Source_IP": (ip_recommended, "/security/"),
    "Restrict_Source_IP_Guide": (ip_guide, "/security/"),
    "Force_MFA_Support": (decoy_force_mfa, "/"),
    "Force_MFA_Legacy": (bool_force_mfa, "/"),
    "s3-data-guardrail": (data_guardrail, "/teams/data/"),
    "LegacyFullAccess": (legacy_full, "/"),
    "UnusedBroadAccess": (unused_admin, "/"),
    "ContractorAccess": (contractor, "/"),
    "DeployPipeline": (deploy, "/ci/"),
    "ReadOnlyBoundary": (reader_boundary, "/boundaries/"),
    "NoIamBoundary": (no_iam_boundary, "/boundaries/"),
}

managed = aws_managed()
AWS = {n: f"arn:aws:iam::aws:policy/{n}" for n in
       ["AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "AmazonEC2FullAccess", "IAMFullAccess",
        "AWSSupportAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "SecurityAudit", "IAMUserChangePassword"]}
AWS["SecurityAudit"] = "arn:aws:iam::aws:policy/SecurityAudit"
for name, a in AWS.items():
    assert managed[name]["arn"] == a, name


def cp(name):
    return {"PolicyName": name, "PolicyArn": policy_arn(name, customer[name][1])}


def ap(name):
    return {"PolicyName": name, "PolicyArn": AWS[name]}


groups = {
    "Admins": [ap("AdministratorAccess"), cp("Force_MFA"), cp("Restrict_Source_IP")],
    "Developers": [ap("PowerUserAccess"), cp("Force_MFA")],
    "ReadOnly": [ap("ReadOnlyAccess"), cp("Force_MFA")],
    "Ops": [ap("AmazonEC2FullAccess"), ap("IAMFullAccess"), cp("Force_MFA_Guide")],
    "LegacyAdmins": [cp("LegacyFullAccess"), cp("Force_MFA_Legacy")],
    "Support": [ap("AWSSupportAccess"), ap("ReadOnlyAccess"), cp("Force_MFA_Support")],
    "DataTeam": [cp("s3-data-guardrail")],
    "Auditors": [ap("SecurityAudit"), cp("Force_MFA"), cp("Restrict_Source_IP_Guide")],
    "Contractors": [cp("ContractorAccess")],
    "Deployers": [cp("DeployPipeline")],
    "Emergency": [ap("AdministratorAccess"), cp("Force_MFA")],
}

# --- users -----------------------------------------------------------------------------------
# (name, path, groups, console(pw_last_used | "never" | None), mfa("virtual"|"hardware"|None),
#  keys[(rotated_day, last_used_day | None)], extras)
N = None
users = [
    ("alice", "/", ["Admins"], "2026-11-28", "virtual", [], {}),
    ("bob", "/", ["Admins"], "2026-11-29", "virtual", [("2026-10-30", "2026-11-29")], {}),
    ("carol", "/engineering/", ["Developers"], "2026-11-27", "virtual", [], {}),
    ("dave", "/engineering/", ["Developers"], "2026-11-25", None, [], {}),
    ("erin", "/", ["ReadOnly"], "2026-11-20", "virtual", [], {}),
    ("frank", "/ops/", ["Ops"], "2026-11-26", "virtual", [], {}),
    ("grace", "/ops/", ["Ops"], "never", None, [], {"created": "2026-11-24"}),
    ("heidi", "/", ["LegacyAdmins"], "2026-11-29", "virtual", [("2026-09-15", "2026-11-29")], {}),
    ("ivan", "/support/", ["Support"], "2026-11-18", None, [], {}),
    ("judy", "/teams/data/", ["DataTeam"], "2026-11-28", "virtual", [], {}),
    ("ci-deploy", "/ci/", ["Deployers"], None, None, [("2026-05-10", "2026-11-30")], {}),
    ("backup-bot", "/service/", [], None, None, [("2026-06-01", "2026-11-29"), ("2026-08-20", None)],
     {"inline": [("backup-s3", doc({"Effect": "Allow", "Action": ["s3:PutObject", "s3:GetObject"], "Resource": "arn:aws:s3:::example-backups/*"}))]}),
    ("legacy-sync", "/service/", ["Deployers"], None, None, [("2025-01-15", "2026-01-20")], {}),
    ("mallory", "/engineering/", ["Developers"], "2026-11-29", "virtual", [],
     {"attached": [ap("AmazonS3ReadOnlyAccess")],
      "inline": [("quick-fix", doc({"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"}))]}),
    ("niaj", "/", ["ReadOnly"], "2026-04-02", "virtual", [], {}),
    ("olivia", "/audit/", ["Auditors"], "2026-11-27", "virtual", [], {}),
    ("peggy", "/partners/", ["Contractors"], "2026-11-26", "virtual", [], {}),
    ("rupert", "/ops/", ["Ops"], "2026-11-20", "virtual", [], {"boundary": "ReadOnlyBoundary"}),
    ("sybil", "/engineering/", ["Developers"], "2026-11-22", "virtual", [], {"boundary": "NoIamBoundary"}),
    ("trent", "/", [], "2026-11-29", "virtual", [], {"created": "2026-11-28"}),
    ("victor", "/emergency/", ["Emergency"], "2026-02-11", "hardware", [], {"tags": {"role": "break-glass"}}),
    ("walter", "/emergency/", ["Admins"], "2026-03-01", "virtual", [("2026-03-01", "2026-03-02")], {"tags": {"role": "break-glass"}}),
    ("xavier", "/engineering/platform/", ["Developers"], "2026-11-30", "virtual", [], {}),
    ("yvonne", "/", ["Admins"], "2026-11-30", "virtual", [], {"tags": {"team": "platform", "cost-center": "1234"}}),
    ("zoe", "/", ["ReadOnly"], "2026-11-21", None, [], {}),
    ("svc-reporting", "/service/", ["ReadOnly"], None, None, [], {"inactive_key": "2025-02-01"}),
    ("analyst1", "/teams/data/", ["DataTeam"], "2026-11-28", "virtual", [], {}),
    ("analyst2", "/teams/data/", ["DataTeam"], "2026-11-25", "virtual", [], {}),
    ("temp-contractor", "/partners/", ["Contractors"], "2026-11-23", None, [], {}),
    ("old-admin", "/", ["Admins"], "2025-10-01", "virtual", [], {}),
    ("kim", "/engineering/", ["Developers"], "2026-11-29", "virtual", [], {"tags": {"팀": "플랫폼", "owner": "kim@example.com"}}),
]

user_ids = {}
for i, u in enumerate(users):
    user_ids[u[0]] = f"AIDA{ACCOUNT[:4]}EXAMPLE{i:04d}"

user_details = []
for (name, path, grps, console, mfa, keys, extra) in users:
    entry = {
        "Path": path, "UserName": name, "UserId": user_ids[name], "Arn": arn("user/", name, path)[:0] + f"arn:aws:iam::{ACCOUNT}:user{path}{name}",
        "CreateDate": ts(extra.get("created", "2024-03-01")),
        "UserPolicyList": [{"PolicyName": n, "PolicyDocument": d} for n, d in extra.get("inline", [])],
        "GroupList": grps,
        "AttachedManagedPolicies": extra.get("attached", []),
    }
    if "boundary" in extra:
        b = extra["boundary"]
        entry["PermissionsBoundary"] = {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": policy_arn(b, customer[b][1])}
    entry["Tags"] = [{"Key": k, "Value": v} for k, v in extra.get("tags", {}).items()]
    user_details.append(entry)

group_details = []
for i, (name, attached) in enumerate(groups.items()):
    group_details.append({"Path": "/", "GroupName": name, "GroupId": f"AGPA{ACCOUNT[:4]}EXAMPLE{i:04d}", "Arn": f"arn:aws:iam::{ACCOUNT}:group/{name}",
                          "CreateDate": ts("2023-05-01"), "GroupPolicyList": [], "AttachedManagedPolicies": attached})

trust_ec2 = doc({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"})
trust_github = doc({"Effect": "Allow", "Principal": {"Federated": f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                  "StringLike": {"token.actions.githubusercontent.com:sub": "repo:example-org/app:ref:refs/heads/main"}}})
role_details = [
    {"Path": "/", "RoleName": "app-server", "RoleId": f"AROA{ACCOUNT[:4]}EXAMPLE0001", "Arn": f"arn:aws:iam::{ACCOUNT}:role/app-server",
     "CreateDate": ts("2024-01-10"), "AssumeRolePolicyDocument": trust_ec2, "InstanceProfileList": [], "RolePolicyList": [],
     "AttachedManagedPolicies": [ap("AmazonS3ReadOnlyAccess")], "Tags": [], "RoleLastUsed": {"LastUsedDate": ts("2026-11-30", "06:12:00"), "Region": "ap-northeast-2"}},
    {"Path": "/ci/", "RoleName": "github-deploy", "RoleId": f"AROA{ACCOUNT[:4]}EXAMPLE0002", "Arn": f"arn:aws:iam::{ACCOUNT}:role/ci/github-deploy",
     "CreateDate": ts("2025-06-10"), "AssumeRolePolicyDocument": trust_github, "InstanceProfileList": [], "RolePolicyList": [],
     "AttachedManagedPolicies": [cp("DeployPipeline")], "Tags": [], "RoleLastUsed": {}},
]

# Every managed policy in use, customer ones with several versions for realism.
attached = {}
for g in groups.values():
    for a in g:
        attached[a["PolicyArn"]] = attached.get(a["PolicyArn"], 0) + 1
for u in user_details:
    for a in u["AttachedManagedPolicies"]:
        attached[a["PolicyArn"]] = attached.get(a["PolicyArn"], 0) + 1
for r in role_details:
    for a in r["AttachedManagedPolicies"]:
        attached[a["PolicyArn"]] = attached.get(a["PolicyArn"], 0) + 1

policies = []
for name, (document, path) in customer.items():
    a = policy_arn(name, path)
    versions = 3 if name == "Force_MFA" else 1
    version_list = [{"Document": document, "VersionId": f"v{versions}", "IsDefaultVersion": True, "CreateDate": ts("2026-06-01")}]
    for v in range(versions - 1, 0, -1):
        version_list.append({"Document": force_mfa_guide, "VersionId": f"v{v}", "IsDefaultVersion": False, "CreateDate": ts(f"2025-0{v}-01")})
    boundary_uses = sum(1 for u in user_details if u.get("PermissionsBoundary", {}).get("PermissionsBoundaryArn") == a)
    policies.append({"PolicyName": name, "PolicyId": "ANPA" + ACCOUNT[:4] + name.upper().replace("_", "").replace("-", "")[:12].ljust(12, "X"),
                     "Arn": a, "Path": path, "DefaultVersionId": f"v{versions}", "AttachmentCount": attached.get(a, 0),
                     "PermissionsBoundaryUsageCount": boundary_uses, "IsAttachable": True,
                     "CreateDate": ts("2025-01-01"), "UpdateDate": ts("2026-06-01"), "PolicyVersionList": version_list})
for name, a in AWS.items():
    if a not in attached:
        continue
    m = managed[name]
    policies.append({"PolicyName": name, "PolicyId": "ANPAAWSMANAGED" + name.upper()[:8], "Arn": a, "Path": "/",
                     "DefaultVersionId": m["versionId"], "AttachmentCount": attached[a], "PermissionsBoundaryUsageCount": 0,
                     "IsAttachable": True, "CreateDate": ts("2015-02-06"), "UpdateDate": ts("2025-01-01"),
                     "PolicyVersionList": [{"Document": m["document"], "VersionId": m["versionId"], "IsDefaultVersion": True, "CreateDate": ts("2025-01-01")}]})

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "authorization-details.json"), "w") as f:
    json.dump({"UserDetailList": user_details, "GroupDetailList": group_details, "RoleDetailList": role_details, "Policies": policies},
              f, indent=4, ensure_ascii=False)
    f.write("\n")

# --- credential report -------------------------------------------------------------------------
header = ["user", "arn", "user_creation_time", "password_enabled", "password_last_used", "password_last_changed",
          "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
          "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active", "access_key_2_last_rotated",
          "access_key_2_last_used_date", "access_key_2_last_used_region", "access_key_2_last_used_service", "cert_1_active",
          "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"]
rows = [["<root_account>", f"arn:aws:iam::{ACCOUNT}:root", ts("2019-05-05", "00:00:00"), "not_supported", ts("2026-11-20", "03:14:00"),
         "not_supported", "not_supported", "true", "true", ts("2019-05-06"), ts("2026-10-02"), "us-east-1", "s3",
         "false", "N/A", "N/A", "N/A", "N/A", "false", "N/A", "false", "N/A"]]
for (name, path, grps, console, mfa, keys, extra) in users:
    created = ts(extra.get("created", "2024-03-01"))
    row = [name, f"arn:aws:iam::{ACCOUNT}:user{path}{name}", created]
    if console is None:
        row += ["false", "N/A", "N/A", "N/A"]
    else:
        row += ["true", "no_information" if console == "never" else ts(console, "08:30:00"), created if console == "never" else ts("2026-01-15"), "N/A"]
    row += ["true" if mfa else "false"]
    slots = list(keys)
    for slot in range(2):
        if slot < len(slots):
            rotated, used = slots[slot]
            row += ["true", ts(rotated), ts(used, "12:00:00") if used else "N/A", "ap-northeast-2" if used else "N/A", "s3" if used else "N/A"]
        elif slot == 0 and "inactive_key" in extra:
            row += ["false", ts(extra["inactive_key"]), "N/A", "N/A", "N/A"]
        else:
            row += ["false", "N/A", "N/A", "N/A", "N/A"]
    row += ["false", "N/A", "false", "N/A"]
    rows.append(row)
with open(os.path.join(OUT, "credential-report.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)

# --- account summary, password policy, virtual MFA devices ------------------------------------
summary = {"SummaryMap": {"GroupPolicySizeQuota": 5120, "InstanceProfilesQuota": 1000, "Policies": len(customer), "GroupsPerUserQuota": 10,
                          "InstanceProfiles": 0, "AttachedPoliciesPerUserQuota": 10, "Users": len(users), "PoliciesQuota": 1500, "Providers": 1,
                          "AccountMFAEnabled": 1, "AccessKeysPerUserQuota": 2, "AssumeRolePolicySizeQuota": 2048, "PolicyVersionsInUseQuota": 10000,
                          "GlobalEndpointTokenVersion": 1, "VersionsPerPolicyQuota": 5, "AttachedPoliciesPerGroupQuota": 10, "PolicySizeQuota": 6144,
                          "Groups": len(groups), "AccountSigningCertificatesPresent": 0, "UsersQuota": 5000, "ServerCertificatesQuota": 20,
                          "MFADevices": sum(1 for u in users if u[4]) + 1, "UserPolicySizeQuota": 2048, "PolicyVersionsInUse": len(policies),
                          "ServerCertificates": 0, "Roles": len(role_details), "RolesQuota": 1000, "SigningCertificatesPerUserQuota": 2,
                          "MFADevicesInUse": sum(1 for u in users if u[4]) + 1, "RolePolicySizeQuota": 10240, "AttachedPoliciesPerRoleQuota": 10,
                          "AccountAccessKeysPresent": 1, "AccountPasswordPresent": 1, "GroupsQuota": 300}}
with open(os.path.join(OUT, "account-summary.json"), "w") as f:
    json.dump(summary, f, indent=4)
    f.write("\n")
with open(os.path.join(OUT, "password-policy.json"), "w") as f:
    json.dump({"PasswordPolicy": {"MinimumPasswordLength": 8, "RequireSymbols": True, "RequireNumbers": True, "RequireUppercaseCharacters": True,
                                  "RequireLowercaseCharacters": True, "AllowUsersToChangePassword": True, "ExpirePasswords": False}}, f, indent=4)
    f.write("\n")
devices = [{"SerialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/root-account-mfa-device",
            "User": {"Arn": f"arn:aws:iam::{ACCOUNT}:root", "UserId": ACCOUNT, "CreateDate": ts("2019-05-05", "00:00:00")},
            "EnableDate": ts("2019-05-06")}]
for (name, path, grps, console, mfa, keys, extra) in users:
    if mfa == "virtual":
        devices.append({"SerialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/{name}",
                        "User": {"Path": path, "UserName": name, "UserId": user_ids[name], "Arn": f"arn:aws:iam::{ACCOUNT}:user{path}{name}",
                                 "CreateDate": ts(extra.get("created", "2024-03-01"))},
                        "EnableDate": ts("2024-03-02")})
devices.append({"SerialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/unassigned-device"})
with open(os.path.join(OUT, "virtual-mfa-devices.json"), "w") as f:
    json.dump({"VirtualMFADevices": devices}, f, indent=4)
    f.write("\n")

config = f"""# IamHarden configuration for the sample account (every key: docs/CONFIG.md).
# Approved networks: the office egress range and the VPN's IPv6 range.
allowedCidrs:
  - {CIDRS[0]}
  - {CIDRS[1]}
# emergency-admin was deleted last year and never removed from here (break_glass_missing reports it).
breakGlass:
  users: [victor, walter, emergency-admin]
ipRestriction:
  scope: admins
  groups: [Admins]
  policyName: Restrict_Source_IP
mfa:
  groups: [Admins, Developers, ReadOnly, Ops, Support, Auditors, Contractors]
  policyName: Force_MFA
thresholds:
  unusedCredentialDays: 45
  accessKeyMaxAgeDays: 90
  rootUseDays: 90
"""
with open(os.path.join(ROOT, "samples", "iamharden.yaml"), "w") as f:
    f.write(config)
print(f"wrote {OUT} ({len(users)} users, {len(groups)} groups, {len(policies)} managed policies)")
