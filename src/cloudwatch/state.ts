// The state of the simulated CloudWatch: metric datapoints, metric alarms and their history, saved in the world
// document (`services.cloudwatch`).

export interface Dimension {
  Name: string;
  Value: string;
}

export interface Series {
  accountId: string;
  region: string;
  namespace: string;
  name: string;
  dimensions: Dimension[];
  /** [epoch ms, value], in arrival order. */
  points: [number, number][];
  unit?: string;
}

export interface Alarm {
  accountId: string;
  region: string;
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
  Statistic: string;
  Period: number;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: string;
  TreatMissingData: string;
  Unit?: string;
  StateValue: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  StateReason: string;
  StateUpdatedTimestamp: number;
  AlarmConfigurationUpdatedTimestamp: number;
  /** The end of the last evaluated period (epoch ms). */
  evaluatedThrough: number;
}

export interface HistoryItem {
  accountId: string;
  region: string;
  AlarmName: string;
  AlarmType: 'MetricAlarm';
  Timestamp: number;
  HistoryItemType: 'ConfigurationUpdate' | 'StateUpdate' | 'Action';
  HistorySummary: string;
  HistoryData: string;
}

export interface CloudWatchState {
  series: Series[];
  alarms: Alarm[];
  history: HistoryItem[];
}

export function emptyCloudWatchState(): CloudWatchState {
  return { series: [], alarms: [], history: [] };
}

export function readCloudWatchState(doc: unknown): CloudWatchState {
  const d = doc as Partial<CloudWatchState> | null;
  if (!d || typeof d !== 'object' || !Array.isArray(d.alarms)) throw new Error('services.cloudwatch: not a CloudWatch state document');
  return { series: d.series ?? [], alarms: d.alarms, history: d.history ?? [] };
}

export const sameDimensions = (a: Dimension[], b: Dimension[]): boolean =>
  a.length === b.length && a.every((d) => b.some((e) => e.Name === d.Name && e.Value === d.Value));
