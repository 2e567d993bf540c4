#!/usr/bin/env python3
"""Writes samples/cloudtrail: a month of CloudTrail log files (laid out as CloudTrail delivers them to S3,
one file per region and day, gzip-compressed {"Records":[...]}) for the users of the sample account, for `replay --sample`.

The users behave as their place in samples/account suggests: admins work from the office range
and sometimes from home, users without MFA devices work without MFA, one admin uses long-term
access keys, CloudFormation acts for an admin, an admin reads S3 through a VPC endpoint, the
break-glass user signs in once from outside, automation users call with access keys. Sign-in
events, sts:GetCallerIdentity, denied calls, AWS service events, a role session and one
duplicate delivery are mixed in, as in real trails.

Deterministic (seeded; gzip without timestamps): run it again and the files do not change.
Usage: python3 tools/sample/generate-trail.py
"""
import gzip, json, os, random, shutil

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "samples", "cloudtrail")
ACCOUNT = "111122223333"
REGION = "ap-northeast-2"
rng = random.Random(20261130)
counter = [0]

PATHS = {"alice": "/", "bob": "/", "walter": "/emergency/", "yvonne": "/", "old-admin": "/", "carol": "/engineering/",
         "dave": "/engineering/", "grace": "/ops/", "frank": "/ops/", "ivan": "/support/", "zoe": "/", "erin": "/",
         "svc-reporting": "/service/", "ci-deploy": "/ci/", "peggy": "/partners/", "temp-contractor": "/partners/",
         "kim": "/engineering/"}
OFFICE = ["203.0.113.10", "203.0.113.24", "203.0.113.57", "2001:db8:1234::1f"]
HOME = ["198.51.100.77", "198.51.100.23"]
TLS = {"tlsVersion": "TLSv1.3", "cipherSuite": "TLS_AES_128_GCM_SHA256", "clientProvidedHostHeader": "ec2.ap-northeast-2.amazonaws.com"}


def event_id():
    counter[0] += 1
    return "5e1f%04x-%04x-4%03x-8%03x-%012x" % (counter[0], rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48))


def user_identity(user, key="session", mfa=False, created=None, invoked_by=None):
    identity = {"type": "IAMUser", "principalId": "AIDA" + user.upper().replace("-", "")[:12].ljust(12, "X") + "EXAMPLE",
                "arn": f"arn:aws:iam::{ACCOUNT}:user{PATHS[user]}{user}", "accountId": ACCOUNT, "userName": user}
    if key == "access-key":
        identity["accessKeyId"] = "AKIA" + user.upper().replace("-", "")[:10].ljust(10, "K") + "EXAMPLE"[:6]
    else:
        identity["accessKeyId"] = "ASIA" + user.upper().replace("-", "")[:10].ljust(10, "S") + "SESS01"
        identity["sessionContext"] = {"sessionIssuer": {}, "webIdFederationData": {},
                                      "attributes": {"creationDate": created, "mfaAuthenticated": "true" if mfa else "false"}}
    if invoked_by:
        identity["invokedBy"] = invoked_by
    return identity


def record(time, source, name, identity, ip, agent="aws-cli/2.22.0 Python/3.12.6 Linux/6.1 exe/x86_64", params=None,
           error=None, vpce=None, read_only=True, event_type="AwsApiCall", resources=None):
    r = {"eventVersion": "1.11", "userIdentity": identity, "eventTime": time, "eventSource": source, "eventName": name,
         "awsRegion": "us-east-1" if source in ("iam.amazonaws.com", "signin.amazonaws.com") else REGION,
         "sourceIPAddress": ip, "userAgent": agent, "requestParameters": params, "responseElements": None,
         "requestID": "%08x-0000-4000-8000-%012x" % (rng.getrandbits(32), rng.getrandbits(48)), "eventID": event_id(),
         "readOnly": read_only, "eventType": event_type, "managementEvent": True, "recipientAccountId": ACCOUNT,
         "eventCategory": "Management"}
    if ip and ip[0].isdigit() or ":" in (ip or ""):
        r["tlsDetails"] = TLS
    if error:
        r["errorCode"], r["errorMessage"] = error
    if vpce:
        r["vpcEndpointId"] = vpce
        r["vpcEndpointAccountId"] = ACCOUNT
        r["eventCategory"] = "Data"
    if resources:
        r["resources"] = resources
    return r


def at(day, hour, minute=None, second=None):
    return "2026-11-%02dT%02d:%02d:%02dZ" % (day, hour, rng.randrange(60) if minute is None else minute, rng.randrange(60) if second is None else second)


READS = [("ec2.amazonaws.com", "DescribeInstances", None), ("ec2.amazonaws.com", "DescribeSecurityGroups", None),
         ("s3.amazonaws.com", "ListBuckets", None), ("iam.amazonaws.com", "ListUsers", None),
         ("cloudwatch", "GetMetricData", None), ("logs.amazonaws.com", "FilterLogEvents", None)]


def console_day(events, user, day, ips, mfa, calls=6, reads=READS):
    """A console session: a sign-in, then calls made with the session's credentials."""
    hour = rng.randrange(8, 18)
    start = at(day, hour, 0, 5)
    ip = rng.choice(ips)
    events.append(record(start, "signin.amazonaws.com", "ConsoleLogin",
                         {"type": "IAMUser", "principalId": user_identity(user)["principalId"],
                          "arn": f"arn:aws:iam::{ACCOUNT}:user{PATHS[user]}{user}", "accountId": ACCOUNT, "userName": user},
                         ip, agent="Mozilla/5.0 (X11; Linux x86_64)", event_type="AwsConsoleSignIn",
                         params=None) | {"responseElements": {"ConsoleLogin": "Success"},
                                         "additionalEventData": {"LoginTo": "https://console.aws.amazon.com/", "MobileVersion": "No", "MFAUsed": "Yes" if mfa else "No"}})
    for i in range(calls):
        source, name, params = rng.choice(reads)
        if source == "cloudwatch":
            source = "monitoring.amazonaws.com"
        events.append(record(at(day, hour, 5 + i * 7), source, name, user_identity(user, mfa=mfa, created=start), ip,
                             agent="AWS Internal", params=params))


def main():
    events = []
    for day in range(2, 30):
        weekday = (day + 6) % 7  # 2026-11-02 is a Monday
        if weekday >= 5:
            continue
        # Admins with MFA from the office; now and then from home (outside the approved ranges).
        for user in ["alice", "yvonne"]:
            console_day(events, user, day, HOME if (user == "alice" and day % 9 == 0) else OFFICE, mfa=True)
        # bob runs the CLI with long-term access keys from the office, and now and then gets an MFA session first.
        key = user_identity("bob", key="access-key")
        hour = rng.randrange(9, 17)
        if day % 3 == 0:
            events.append(record(at(day, hour, 1), "sts.amazonaws.com", "GetSessionToken", key, OFFICE[1],
                                 params={"durationSeconds": 43200, "serialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/bob", "tokenCode": "HIDDEN_DUE_TO_SECURITY_REASONS"}))
            session = user_identity("bob", mfa=True, created=at(day, hour, 1, 0))
            for i in range(4):
                events.append(record(at(day, hour, 5 + i), "ec2.amazonaws.com", "DescribeInstances", session, OFFICE[1]))
        else:
            events.append(record(at(day, hour, 2), "sts.amazonaws.com", "GetCallerIdentity", key, OFFICE[1]))
            for i in range(3):
                events.append(record(at(day, hour, 5 + i), "ec2.amazonaws.com", rng.choice(["DescribeInstances", "DescribeVpcs"]), key, OFFICE[1]))
        # Developers and others.
        console_day(events, "carol", day, OFFICE, mfa=True, calls=4)
        console_day(events, "erin", day, OFFICE + HOME, mfa=True, calls=3)
        if day % 2 == 0:
            console_day(events, "dave", day, OFFICE, mfa=False, calls=3)
            console_day(events, "grace", day, OFFICE, mfa=False, calls=2)
        if day % 4 == 1:
            console_day(events, "ivan", day, OFFICE, mfa=False, calls=2,
                        reads=[("support.amazonaws.com", "DescribeCases", None), ("support.amazonaws.com", "DescribeServices", None)])
            console_day(events, "temp-contractor", day, HOME, mfa=False, calls=2,
                        reads=[("ec2.amazonaws.com", "DescribeInstances", None)])
        # A reporting user reads S3 every night with access keys; CI deploys with access keys.
        events.append(record(at(day, 2, 15), "s3.amazonaws.com", "GetObject", user_identity("svc-reporting", key="access-key"), "192.0.2.44",
                             agent="aws-sdk-java/2.29.0", params={"bucketName": "example-reports", "key": f"daily/2026-11-{day:02d}.csv"},
                             resources=[{"type": "AWS::S3::Object", "ARN": f"arn:aws:s3:::example-reports/daily/2026-11-{day:02d}.csv"}]))
        events.append(record(at(day, 11), "cloudformation.amazonaws.com", "UpdateStack", user_identity("ci-deploy", key="access-key"), "192.0.2.10",
                             agent="aws-cli/2.22.0", params={"stackName": "web"}, read_only=False))
        # A role session (SSO) — not an IAM user.
        events.append(record(at(day, 10), "ec2.amazonaws.com", "DescribeInstances",
                             {"type": "AssumedRole", "principalId": "AROAEXAMPLEAUDITOR01:olivia",
                              "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/Auditor/olivia", "accountId": ACCOUNT,
                              "accessKeyId": "ASIAEXAMPLEAUDITOR01",
                              "sessionContext": {"sessionIssuer": {"type": "Role", "principalId": "AROAEXAMPLEAUDITOR01",
                                                                   "arn": f"arn:aws:iam::{ACCOUNT}:role/Auditor", "accountId": ACCOUNT, "userName": "Auditor"},
                                                 "attributes": {"creationDate": at(day, 9, 55, 0), "mfaAuthenticated": "true"}}}, OFFICE[0]))
        # erin tries something ReadOnly does not allow: already denied.
        if day % 5 == 0:
            events.append(record(at(day, 15), "iam.amazonaws.com", "CreateUser", user_identity("erin", mfa=True, created=at(day, 14, 0, 0)), OFFICE[2],
                                 params={"userName": "test"}, read_only=False,
                                 error=("AccessDenied", f"User: arn:aws:iam::{ACCOUNT}:user/erin is not authorized to perform: iam:CreateUser")))
        # AWS rotates a key by itself.
        if day == 15:
            events.append(record(at(day, 0), "kms.amazonaws.com", "RotateKey", {"accountId": ACCOUNT, "invokedBy": "kms.amazonaws.com"},
                                 "kms.amazonaws.com", agent="kms.amazonaws.com", event_type="AwsServiceEvent"))

    # dave enrols an MFA device on his first day: the enrolment calls must stay allowed.
    start = at(3, 9, 0, 0)
    for name, params in [("CreateVirtualMFADevice", {"virtualMFADeviceName": "dave", "path": "/"}),
                         ("EnableMFADevice", {"userName": "dave", "serialNumber": f"arn:aws:iam::{ACCOUNT}:mfa/dave"}),
                         ("ListMFADevices", None), ("ChangePassword", None)]:
        events.append(record(at(3, 9, 2), "iam.amazonaws.com", name, user_identity("dave", created=start), OFFICE[0], agent="AWS Internal",
                             params=params, read_only=False))
    # alice deploys a stack; CloudFormation creates the instance for her (a forward access session).
    session_start = at(12, 10, 0, 0)
    events.append(record(at(12, 10, 3), "cloudformation.amazonaws.com", "CreateStack", user_identity("alice", mfa=True, created=session_start),
                         OFFICE[0], agent="AWS Internal", params={"stackName": "bastion"}, read_only=False))
    events.append(record(at(12, 10, 4), "ec2.amazonaws.com", "RunInstances",
                         user_identity("alice", mfa=True, created=session_start, invoked_by="cloudformation.amazonaws.com"),
                         "cloudformation.amazonaws.com", agent="cloudformation.amazonaws.com", read_only=False))
    # yvonne reads a report through the S3 gateway endpoint from inside the VPC.
    events.append(record(at(18, 14, 20), "s3.amazonaws.com", "GetObject", user_identity("yvonne", mfa=True, created=at(18, 14, 0, 0)), "10.0.3.17",
                         agent="aws-cli/2.22.0", params={"bucketName": "example-reports", "key": "q3.csv"}, vpce="vpce-0a1b2c3d4e5f67890",
                         resources=[{"type": "AWS::S3::Object", "ARN": "arn:aws:s3:::example-reports/q3.csv"}]))
    # The break-glass user signs in once, from outside the office (as it would when the VPN is down).
    console_day(events, "walter", 20, ["192.0.2.200"], mfa=True, calls=3)

    events.sort(key=lambda r: r["eventTime"])
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    by_file = {}
    for r in events:
        day = r["eventTime"][:10]
        region = r["awsRegion"]
        by_file.setdefault((region, day), []).append(r)
    # CloudTrail may deliver an event twice: repeat one in the next file.
    keys = sorted(by_file)
    by_file[keys[1]].append(by_file[keys[0]][0])
    for (region, day), records in sorted(by_file.items()):
        y, m, d = day.split("-")
        folder = os.path.join(OUT, "AWSLogs", ACCOUNT, "CloudTrail", region, y, m, d)
        os.makedirs(folder, exist_ok=True)
        name = f"{ACCOUNT}_CloudTrail_{region}_{y}{m}{d}T0000Z_sample{len(records):04d}.json.gz"
        data = json.dumps({"Records": records}, separators=(",", ":")).encode()
        with open(os.path.join(folder, name), "wb") as f:
            with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as z:
                z.write(data)
    print(f"wrote {len(events)} events in {len(by_file)} files to {OUT}")


main()
