// A trivial resolver: the NONE data source hands the payload back as the result.
export function request(ctx) {
  return { payload: { id: ctx.args.id, text: 'hello' } };
}

export function response(ctx) {
  return ctx.result;
}
