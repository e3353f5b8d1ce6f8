// What a template may hold that the local AppSync does not serve yet, in one place:
// when a data source type or VTL gets served, it is switched on here. A field that
// needs one of these answers an error naming why; the rest of the API serves.

/** Data source types served locally (local/data-sources/). */
export const SERVED_DATA_SOURCE_TYPES: ReadonlySet<string> = new Set(['AMAZON_DYNAMODB', 'NONE', 'AWS_LAMBDA', 'HTTP']);

export function dataSourceTypeReason(name: string, type: string): string | null {
  return SERVED_DATA_SOURCE_TYPES.has(type) ? null : `its data source ${name} is ${type}, a type the local AppSync does not serve yet`;
}

// VTL is served (local/vtl/): what is left is a resolver with neither code nor mapping templates.
export const VTL_REASON = 'its resolver has neither APPSYNC_JS code nor a mapping template';

export const vtlFunctionReason = (fn: string) => `its pipeline function ${fn} has neither APPSYNC_JS code nor a mapping template`;

export const unknownTableReason = (name: string, table: string) =>
  `its data source ${name} reads the table ${table}, which is not in the template: its keys are unknown locally`;

/** The errorType an unsupported field answers with. */
export const UNSUPPORTED_ERROR_TYPE = 'UnsupportedOperation';
