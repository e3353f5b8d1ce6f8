import { util } from '@aws-appsync/utils';

/** Raises a data source failure as the field's error, as AppSync's own samples do. */
export function raiseDataSourceError(error: { message: string; type: string } | undefined) {
  if (error) util.error(error.message, error.type);
}

export const isConditionFailure = (error: { type: string } | undefined) =>
  error !== undefined && error !== null && error.type === 'DynamoDB:ConditionalCheckFailedException';
