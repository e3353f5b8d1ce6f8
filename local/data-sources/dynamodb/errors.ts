// The two kinds of error a DynamoDB data source answers with, worded as AppSync words them.
//
// 1. A malformed request object never reaches DynamoDB: errorType `MappingTemplate`, with AppSync's
//    JSON-path messages — "Value for field '$[operation]' not found." (troubleshooting-and-common-mistakes.html,
//    also for an operation name it does not know) and "Unsupported element '$[returnValues]'." for a field
//    the operation does not take (reported by users, aws-appsync-community#217).
// 2. DynamoDB's own refusals arrive as `DynamoDB:<exception>` with the AWS SDK for Java v2 message suffix
//    "(Service: DynamoDb, Status Code: 400, Request ID: …)". Exceptions the DynamoDB service model
//    declares keep their name (DynamoDB:ConditionalCheckFailedException, DynamoDB:TransactionCanceledException);
//    the rest — ValidationException, AccessDeniedException — surface as `DynamoDB:DynamoDbException`, the
//    SDK's base class, as real AppSync answers show (e.g. "One or more parameter values are not valid. …
//    (Service: DynamoDb, Status Code: 400, Request ID: …)" with errorType DynamoDB:DynamoDbException).
import { randomBytes } from 'node:crypto';
import { DynamoDbEngineError } from '../../store/engine.ts';
import type { DataSourceError } from '../data-source.ts';

export class MappingTemplateError extends Error {
  override name = 'MappingTemplateError';
}

/** A required field is missing (or, for `operation`, names no operation). */
export const missingField = (path: string) => new MappingTemplateError(`Value for field '$[${path}]' not found.`);

/** A field the operation does not take. */
export const unsupportedElement = (path: string) => new MappingTemplateError(`Unsupported element '$[${path}]'.`);

/** The error classes the DynamoDB service model declares (as in @aws-sdk/client-dynamodb's models/errors). */
const MODELED = new Set([
  'BackupInUseException', 'BackupNotFoundException', 'ConditionalCheckFailedException', 'ContinuousBackupsUnavailableException',
  'DuplicateItemException', 'ExportConflictException', 'ExportNotFoundException', 'GlobalTableAlreadyExistsException',
  'GlobalTableNotFoundException', 'IdempotentParameterMismatchException', 'ImportConflictException', 'ImportNotFoundException',
  'IndexNotFoundException', 'InternalServerError', 'InvalidEndpointException', 'InvalidExportTimeException',
  'InvalidRestoreTimeException', 'ItemCollectionSizeLimitExceededException', 'LimitExceededException',
  'PointInTimeRecoveryUnavailableException', 'PolicyNotFoundException', 'ProvisionedThroughputExceededException',
  'ReplicaAlreadyExistsException', 'ReplicaNotFoundException', 'ReplicatedWriteConflictException', 'RequestLimitExceeded',
  'ResourceInUseException', 'ResourceNotFoundException', 'TableAlreadyExistsException', 'TableInUseException',
  'TableNotFoundException', 'ThrottlingException', 'TransactionCanceledException', 'TransactionConflictException',
  'TransactionInProgressException',
]);

/** DynamoDB's request ids: 52 characters of A–Z and 0–9. */
function requestId() {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(52), (byte) => alphabet[byte % alphabet.length]).join('');
}

export function dynamoDbError(type: string, message: string, statusCode = 400): DataSourceError {
  return {
    type: `DynamoDB:${MODELED.has(type) ? type : 'DynamoDbException'}`,
    message: `${message} (Service: DynamoDb, Status Code: ${statusCode}, Request ID: ${requestId()})`,
  };
}

/** A DynamoDB refusal decided here rather than by the engine (limits the engines do not all check alike). */
export function validationError(message: string) {
  return new DynamoDbEngineError('ValidationException', message);
}

/** Any failure as the ctx.error AppSync would give; an unexpected one keeps its text rather than crashing the server. */
export function toDataSourceError(error: unknown): DataSourceError {
  if (error instanceof MappingTemplateError) return { type: 'MappingTemplate', message: error.message };
  if (error instanceof DynamoDbEngineError) {
    const status = error.type === 'InternalServerError' ? 500 : 400;
    return dynamoDbError(error.type, error.message, status);
  }
  return dynamoDbError('InternalServerError', `Local AppSync: ${(error as Error)?.message ?? String(error)}`, 500);
}
