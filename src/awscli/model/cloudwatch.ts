// The CloudWatch slice (`aws cloudwatch`): metrics, metric alarms with SNS actions, alarm history.
// Shapes follow the CloudWatch API reference (botocore cloudwatch model); docs are our own one-liners.
import type { OperationModel } from './shapes.js';
import { op, str, int, num, bool, ts, list, struct } from './shapes.js';

const dimension = struct({ Name: str(), Value: str() }, ['Name', 'Value']);
const datum = struct({ MetricName: str(), Dimensions: list(dimension), Timestamp: ts(), Value: num(), Values: list(num()), Counts: list(num()), Unit: str(), StorageResolution: int() }, ['MetricName']);

export const cloudwatchOperations: OperationModel[] = [
  // --metric-name, --value, --timestamp, --unit, --dimensions: the AWS CLI's customization of put-metric-data.
  op("PutMetricData", "Publish datapoints of a custom metric (--metric-data, or --metric-name with --value).", { Namespace: str(), MetricData: list(datum), MetricName: str(), Value: num(), Timestamp: ts(), Unit: str(), Dimensions: list(dimension) }, ["Namespace"]),
  op("GetMetricStatistics", "Statistics of one metric per period.", { Namespace: str(), MetricName: str(), Dimensions: list(dimension), StartTime: ts(), EndTime: ts(), Period: int(), Statistics: list(str()), ExtendedStatistics: list(str()), Unit: str() }, ["Namespace", "MetricName", "StartTime", "EndTime", "Period"]),
  op("ListMetrics", "List metrics (custom ones and AWS/KMS SecondsUntilKeyMaterialExpiration).", { Namespace: str(), MetricName: str(), Dimensions: list(struct({ Name: str(), Value: str() }, ['Name'])), NextToken: str() }, []),
  op("PutMetricAlarm", "Create or update a metric alarm (actions: SNS topic ARNs).", { AlarmName: str(), AlarmDescription: str(), ActionsEnabled: bool(), OKActions: list(str()), AlarmActions: list(str()), InsufficientDataActions: list(str()), MetricName: str(), Namespace: str(), Statistic: str(), ExtendedStatistic: str(), Dimensions: list(dimension), Period: int(), Unit: str(), EvaluationPeriods: int(), DatapointsToAlarm: int(), Threshold: num(), ComparisonOperator: str(), TreatMissingData: str() }, ["AlarmName", "EvaluationPeriods", "ComparisonOperator"]),
  op("DescribeAlarms", "Show metric alarms and their state.", { AlarmNames: list(str()), AlarmNamePrefix: str(), StateValue: str(), ActionPrefix: str(), MaxRecords: int(), NextToken: str() }, []),
  op("DescribeAlarmHistory", "Show an alarm's configuration changes, state changes and actions.", { AlarmName: str(), HistoryItemType: str(), StartDate: ts(), EndDate: ts(), MaxRecords: int(), NextToken: str(), ScanBy: str() }, []),
  op("SetAlarmState", "Set an alarm's state by hand (to test its actions).", { AlarmName: str(), StateValue: str(), StateReason: str(), StateReasonData: str() }, ["AlarmName", "StateValue", "StateReason"]),
  op("DeleteAlarms", "Delete alarms.", { AlarmNames: list(str()) }, ["AlarmNames"]),
];
