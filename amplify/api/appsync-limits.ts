// What AppSync rejects at deploy time but synthesis lets through: names that are
// not GraphQL-like identifiers and code larger than AppSync accepts. Checked at
// synthesis so that a bad declaration fails in seconds, not in CloudFormation.

/** AppSync's limit on a resolver's or function's code, in bytes. */
export const MAX_CODE_BYTES = 32 * 1024;

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

export function checkName(kind: 'data source' | 'function', name: string): string {
  if (!NAME.test(name)) throw new Error(`${kind} name "${name}" is not accepted by AppSync (letters, digits and _ only)`);
  return name;
}

export function checkCode(owner: string, code: string): string {
  const bytes = Buffer.byteLength(code, 'utf8');
  if (bytes > MAX_CODE_BYTES) {
    throw new Error(`${owner}: bundled code is ${bytes} bytes, over AppSync's limit of ${MAX_CODE_BYTES}`);
  }
  return code;
}
