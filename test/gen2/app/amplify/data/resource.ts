// The data of a small blogging app, written the way a Gen 2 team writes it: two related
// models, a secondary index, owner and group auth, two custom operations with JS handlers and one
// with a Lambda function.
import { a, defineData, type ClientSchema } from '@aws-amplify/backend';
import { wordCount } from '../functions/word-count/resource.ts';

const schema = a.schema({
  Blog: a
    .model({
      name: a.string().required(),
      posts: a.hasMany('Post', 'blogId'),
    })
    .authorization((allow) => [allow.owner(), allow.group('EDITORS'), allow.publicApiKey().to(['read'])]),
  Post: a
    .model({
      title: a.string().required(),
      status: a.string().required(),
      likes: a.integer().default(0),
      blogId: a.id(),
      blog: a.belongsTo('Blog', 'blogId'),
    })
    .secondaryIndexes((index) => [index('status').sortKeys(['title']).queryField('listPostsByStatus')])
    .authorization((allow) => [allow.owner(), allow.publicApiKey().to(['read'])]),
  echo: a
    .query()
    .arguments({ message: a.string().required() })
    .returns(a.string())
    .handler(a.handler.custom({ entry: './echo.js' }))
    .authorization((allow) => [allow.publicApiKey(), allow.authenticated()]),
  likePost: a
    .mutation()
    .arguments({ id: a.id().required() })
    .returns(a.ref('Post'))
    .handler(a.handler.custom({ dataSource: a.ref('Post'), entry: './likePost.js' }))
    .authorization((allow) => [allow.authenticated()]),
  wordCount: a
    .query()
    .arguments({ text: a.string().required() })
    .returns(a.integer())
    .handler(a.handler.function(wordCount))
    .authorization((allow) => [allow.publicApiKey()]),
});

export type Schema = ClientSchema<typeof schema>;

export const data = defineData({
  schema,
  authorizationModes: {
    defaultAuthorizationMode: 'userPool',
    apiKeyAuthorizationMode: { expiresInDays: 30 },
  },
});
