# Prints an IAM operation's output shape from the botocore model the AWS CLI uses, in the form IamCliShapesTests expects.
import json, sys
import botocore.session

model = botocore.session.get_session().get_service_model("iam")
shape = model.operation_model(sys.argv[1]).output_shape

def describe(s):
    if s.type_name == "structure":
        return [[name, describe(member)] for name, member in s.members.items()]
    if s.type_name == "list":
        return {"list": describe(s.member)}
    if s.type_name == "map":
        return {"map": describe(s.value)}
    if s.type_name == "string" and s.name == "policyDocumentType":
        return "policyDocument"
    return s.type_name

print(json.dumps(describe(shape), separators=(",", ":")))
