// amplify-velocity-template ships no types: the parts local/vtl/engine.ts uses.
declare module 'amplify-velocity-template' {
  export type Ast = any;
  export function parse(template: string, config?: object, ignoreSpace?: boolean): Ast[];
  export class Compile {
    constructor(asts: Ast[], config?: { escape?: boolean; valueMapper?: (value: unknown) => unknown });
    render(context?: object, macros?: object, silence?: boolean): string;
    getPropMethod(property: Ast, base: any, ast: Ast): unknown;
    getAttributes(property: Ast, base: any, ast: Ast): unknown;
    getPropIndex(property: Ast, base: any): unknown;
    getReferences(ast: Ast, isVal?: boolean): unknown;
    getLiteral(ast: Ast): unknown;
    getBlockEach(block: Ast[]): string;
    format(value: unknown): unknown;
    evalStr(text: string): string;
    escapeString(text: string): string;
    _render(asts?: Ast[], contextId?: string): string;
    _state: { stop: boolean; break: boolean; return: boolean };
    local: Record<string, Record<string, unknown>>;
    conditions: string[];
    condition: string | null;
    silence: boolean;
    context: Record<string, any>;
    defines: Record<string, Ast[]>;
    getLocal(ast: Ast): { value: unknown; isLocaled: boolean };
  }
  export const Helper: { getRefText(ast: Ast): string };
}
