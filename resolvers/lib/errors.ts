import { util } from '@aws-appsync/utils';

/** Raises a data source failure as the field's error, as AppSync's own samples do. */
export function raiseDataSourceError(error: { message: string; type: string } | undefined) {
  if (error) util.error(error.message, error.type);
}

export const isConditionFailure = (error: { type: string } | undefined) =>
  error !== undefined && error !== null && error.type === 'DynamoDB:ConditionalCheckFailedException';

/** Refuses bad input before anything reaches the table: the web app words BadRequest for people. */
export function badRequest(message: string): never {
  return util.error(message, 'BadRequest');
}
