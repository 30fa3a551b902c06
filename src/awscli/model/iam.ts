// The IAM slice the labs use: users, roles, inline and managed policies, and the policy simulator.
// Shapes follow the IAM API reference (botocore iam model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, list, struct, enm } from './shapes.js';
import * as E from './iam-enums.js';

export const iamOperations: OperationModel[] = [
  op("CreateUser", "Create an IAM user.", {
    Path: str(),
    UserName: str(),
    PermissionsBoundary: str(),
    Tags: list(struct({ Key: str(), Value: str() }, ["Key", "Value"])),
  }, ["UserName"]),
  op("CreateRole", "Create an IAM role with a trust policy.", {
    Path: str(),
    RoleName: str(),
    AssumeRolePolicyDocument: str(),
    Description: str(),
    MaxSessionDuration: int(),
    PermissionsBoundary: str(),
    Tags: list(struct({ Key: str(), Value: str() }, ["Key", "Value"])),
  }, ["RoleName", "AssumeRolePolicyDocument"]),
  op("GetUser", "Show an IAM user (the caller when --user-name is omitted).", {
    UserName: str(),
  }, []),
  op("GetRole", "Show an IAM role.", {
    RoleName: str(),
  }, ["RoleName"]),
  op("PutUserPolicy", "Add or replace an inline policy of a user.", {
    UserName: str(),
    PolicyName: str(),
    PolicyDocument: str(),
  }, ["UserName", "PolicyName", "PolicyDocument"]),
  op("PutRolePolicy", "Add or replace an inline policy of a role.", {
    RoleName: str(),
    PolicyName: str(),
    PolicyDocument: str(),
  }, ["RoleName", "PolicyName", "PolicyDocument"]),
  op("GetUserPolicy", "Show an inline policy of a user.", {
    UserName: str(),
    PolicyName: str(),
  }, ["UserName", "PolicyName"]),
  op("GetRolePolicy", "Show an inline policy of a role.", {
    RoleName: str(),
    PolicyName: str(),
  }, ["RoleName", "PolicyName"]),
  op("DeleteUserPolicy", "Delete an inline policy of a user.", {
    UserName: str(),
    PolicyName: str(),
  }, ["UserName", "PolicyName"]),
  op("DeleteRolePolicy", "Delete an inline policy of a role.", {
    RoleName: str(),
    PolicyName: str(),
  }, ["RoleName", "PolicyName"]),
  op("CreatePolicy", "Create a customer managed IAM policy.", {
    PolicyName: str(),
    Path: str(),
    PolicyDocument: str(),
    Description: str(),
    Tags: list(struct({ Key: str(), Value: str() }, ["Key", "Value"])),
  }, ["PolicyName", "PolicyDocument"]),
  op("AttachRolePolicy", "Attach a managed policy to a role.", {
    RoleName: str(),
    PolicyArn: str(),
  }, ["RoleName", "PolicyArn"]),
  op("AttachUserPolicy", "Attach a managed policy to a user.", {
    UserName: str(),
    PolicyArn: str(),
  }, ["UserName", "PolicyArn"]),
  op("DetachRolePolicy", "Detach a managed policy from a role.", {
    RoleName: str(),
    PolicyArn: str(),
  }, ["RoleName", "PolicyArn"]),
  op("DetachUserPolicy", "Detach a managed policy from a user.", {
    UserName: str(),
    PolicyArn: str(),
  }, ["UserName", "PolicyArn"]),
  op("GetPolicy", "Show a managed policy.", {
    PolicyArn: str(),
  }, ["PolicyArn"]),
  op("GetPolicyVersion", "Show one version (the document) of a managed policy.", {
    PolicyArn: str(),
    VersionId: str(),
  }, ["PolicyArn", "VersionId"]),
  op("ListAttachedRolePolicies", "List the managed policies attached to a role.", {
    RoleName: str(),
    PathPrefix: str(),
    Marker: str(),
    MaxItems: int(),
  }, ["RoleName"], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "AttachedPolicies", moreResults: "IsTruncated"}),
  op("ListAttachedUserPolicies", "List the managed policies attached to a user.", {
    UserName: str(),
    PathPrefix: str(),
    Marker: str(),
    MaxItems: int(),
  }, ["UserName"], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "AttachedPolicies", moreResults: "IsTruncated"}),
  op("ListRolePolicies", "List the names of a role's inline policies.", {
    RoleName: str(),
    Marker: str(),
    MaxItems: int(),
  }, ["RoleName"], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "PolicyNames", moreResults: "IsTruncated"}),
  op("ListUserPolicies", "List the names of a user's inline policies.", {
    UserName: str(),
    Marker: str(),
    MaxItems: int(),
  }, ["UserName"], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "PolicyNames", moreResults: "IsTruncated"}),
  op("ListUsers", "List the IAM users of the account.", {
    PathPrefix: str(),
    Marker: str(),
    MaxItems: int(),
  }, [], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "Users", moreResults: "IsTruncated"}),
  op("ListRoles", "List the IAM roles of the account.", {
    PathPrefix: str(),
    Marker: str(),
    MaxItems: int(),
  }, [], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "Roles", moreResults: "IsTruncated"}),
  op("SimulatePrincipalPolicy", "Evaluate whether a principal may perform actions on resources, and why.", {
    PolicySourceArn: str(),
    PolicyInputList: list(str()),
    PermissionsBoundaryPolicyInputList: list(str()),
    ActionNames: list(str()),
    ResourceArns: list(str()),
    ResourcePolicy: str(),
    ResourceOwner: str(),
    CallerArn: str(),
    ContextEntries: list(struct({ ContextKeyName: str(), ContextKeyValues: list(str()), ContextKeyType: enm(E.ContextKeyTypeEnum) })),
    ResourceHandlingOption: str(),
    MaxItems: int(),
    Marker: str(),
  }, ["PolicySourceArn", "ActionNames"], {inputToken: "Marker", outputToken: "Marker", limitKey: "MaxItems", resultKey: "EvaluationResults", moreResults: "IsTruncated"}),
];
