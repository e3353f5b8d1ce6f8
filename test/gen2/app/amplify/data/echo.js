// Query.echo: answers the message it is given, said back by the NONE data source.
export function request(ctx) {
  return { payload: { message: ctx.arguments.message } };
}

export function response(ctx) {
  return `echo: ${ctx.result.message}`;
}
