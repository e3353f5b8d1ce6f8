// AppSync's scalars, with the formats AppSync accepts (devguide/scalars.html).
// Values that break them fail validation on input and are field errors on output,
// with AppSync's wording where it is known.
import { GraphQLError, GraphQLScalarType, Kind, print, valueFromASTUntyped, type GraphQLSchema, type ValueNode } from 'graphql';

const ZONE = '(Z|[+-]\\d{2}:\\d{2}(:\\d{2})?)';
const DATE = '-?\\d{4,}-\\d{2}-\\d{2}';
const TIME = '\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?';

type Check = (value: unknown) => boolean;

const isString = (test: RegExp): Check => (value) => typeof value === 'string' && test.test(value);

const formats: Record<string, { check: Check; describe: string }> = {
  AWSDate: { check: isString(new RegExp(`^${DATE}${ZONE}?$`)), describe: 'Date' },
  AWSTime: { check: isString(new RegExp(`^${TIME}${ZONE}?$`)), describe: 'Time' },
  AWSDateTime: { check: isString(new RegExp(`^${DATE}T${TIME}${ZONE}$`)), describe: 'DateTime' },
  AWSTimestamp: { check: (value) => Number.isSafeInteger(value), describe: 'Timestamp' },
  AWSEmail: { check: isString(/^[^\s@]+@[^\s@]+$/), describe: 'Email' },
  AWSURL: { check: isString(/^[a-zA-Z][a-zA-Z\d+.-]*:\S+$/), describe: 'URL' },
  AWSPhone: { check: isString(/^\+?\d[\d\s-]*\d$/), describe: 'Phone' },
  AWSIPAddress: {
    check: isString(/^((\d{1,3}\.){3}\d{1,3}(\/\d{1,2})?|[\da-fA-F:]*:[\da-fA-F:.]*(\/\d{1,3})?)$/),
    describe: 'IPAddress',
  },
};

function checked(name: string, value: unknown, direction: 'input' | 'output') {
  const format = formats[name]!;
  if (format.check(value)) return value;
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  throw new GraphQLError(
    direction === 'output'
      ? `Can't serialize value (${shown}) : Unable to serialize \`${shown}\` as a valid ${format.describe}.`
      : `Invalid ${format.describe} value: ${shown}`,
  );
}

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.STRING) return node.value;
  throw new GraphQLError(`Expected a string literal but found ${print(node)}`);
}

/** Replaces the behaviour of AppSync's scalars in a schema built from SDL. */
export function appSyncScalars(): Record<string, GraphQLScalarType> {
  const scalars: Record<string, GraphQLScalarType> = {};
  for (const name of Object.keys(formats)) {
    scalars[name] = new GraphQLScalarType({
      name,
      serialize: (value) => checked(name, value, 'output'),
      parseValue: (value) => checked(name, value, 'input'),
      parseLiteral: (node, variables) =>
        checked(name, node.kind === Kind.VARIABLE ? variables?.[node.name.value] : literal(node), 'input'),
    });
  }
  scalars.AWSJSON = new GraphQLScalarType({
    name: 'AWSJSON',
    // Arguments arrive parsed: resolvers see the object, not its text.
    parseValue: (value) => parseJson(value),
    parseLiteral: (node, variables) =>
      node.kind === Kind.VARIABLE ? parseJson(variables?.[node.name.value]) : parseJson(valueFromASTUntyped(node)),
    serialize: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  });
  return scalars;
}

function parseJson(value: unknown) {
  if (typeof value !== 'string') throw new GraphQLError(`Variable 'AWSJSON' has an invalid value: expected a JSON string`);
  try {
    return JSON.parse(value);
  } catch {
    throw new GraphQLError(`Unable to parse \`${value}\` as a valid JSON Object.`);
  }
}

/** AppSync's scalars (AWSDateTime, AWSJSON…) given their parsing and serializing, in place. */
export function withAppSyncScalars(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, impl] of Object.entries(appSyncScalars())) {
    const type = schema.getType(name);
    if (type instanceof GraphQLScalarType) {
      type.serialize = impl.serialize;
      type.parseValue = impl.parseValue;
      type.parseLiteral = impl.parseLiteral;
    }
  }
  return schema;
}
