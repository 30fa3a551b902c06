// The CloudWatch Logs slice (`aws logs`): log groups with KMS keys, streams, events and metric filters.
// Shapes follow the CloudWatch Logs API reference (botocore logs model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, bool, list, map, struct } from './shapes.js';

const metricTransformation = struct({ metricName: str(), metricNamespace: str(), metricValue: str(), defaultValue: { type: 'double' }, dimensions: map(str(), str()), unit: str() }, ['metricName', 'metricNamespace', 'metricValue']);

export const logsOperations: OperationModel[] = [
  op("CreateLogGroup", "Create a log group, optionally encrypted with a KMS key (key ARN).", { logGroupName: str(), kmsKeyId: str(), tags: map(str(), str()), logGroupClass: str() }, ["logGroupName"]),
  op("DeleteLogGroup", "Delete a log group and its events.", { logGroupName: str() }, ["logGroupName"]),
  op("AssociateKmsKey", "Encrypt a log group's new data with a KMS key (the key policy must allow logs.<region>.amazonaws.com).", { logGroupName: str(), kmsKeyId: str(), resourceIdentifier: str() }, ["kmsKeyId"]),
  op("DisassociateKmsKey", "Stop encrypting a log group's new data with its KMS key.", { logGroupName: str(), resourceIdentifier: str() }, []),
  op("DescribeLogGroups", "List log groups (name, ARN, KMS key).", { logGroupNamePrefix: str(), nextToken: str(), limit: int() }, []),
  op("CreateLogStream", "Create a log stream in a log group.", { logGroupName: str(), logStreamName: str() }, ["logGroupName", "logStreamName"]),
  op("DescribeLogStreams", "List the log streams of a log group.", { logGroupName: str(), logStreamNamePrefix: str(), nextToken: str(), limit: int() }, []),
  op("PutLogEvents", "Write events (timestamp in epoch milliseconds, message) to a log stream.", { logGroupName: str(), logStreamName: str(), logEvents: list(struct({ timestamp: int(), message: str() }, ["timestamp", "message"])), sequenceToken: str() }, ["logGroupName", "logStreamName", "logEvents"]),
  op("GetLogEvents", "Read the events of one log stream.", { logGroupName: str(), logStreamName: str(), startTime: int(), endTime: int(), nextToken: str(), limit: int(), startFromHead: bool() }, ["logStreamName"]),
  op("FilterLogEvents", "Search a log group's events with a filter pattern.", { logGroupName: str(), logStreamNames: list(str()), startTime: int(), endTime: int(), filterPattern: str(), nextToken: str(), limit: int() }, []),
  op("PutMetricFilter", "Create or replace a metric filter that turns matching events into a CloudWatch metric.", { logGroupName: str(), filterName: str(), filterPattern: str(), metricTransformations: list(metricTransformation) }, ["logGroupName", "filterName", "filterPattern", "metricTransformations"]),
  op("DescribeMetricFilters", "List metric filters.", { logGroupName: str(), filterNamePrefix: str(), nextToken: str(), limit: int(), metricName: str(), metricNamespace: str() }, []),
  op("DeleteMetricFilter", "Delete a metric filter.", { logGroupName: str(), filterName: str() }, ["logGroupName", "filterName"]),
  op("TestMetricFilter", "Try a filter pattern on sample messages.", { filterPattern: str(), logEventMessages: list(str()) }, ["filterPattern", "logEventMessages"]),
];
