import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { RequestContext } from '../common/request-context';
import { Database } from './database.service';

/**
 * Ends each GraphQL request's transaction before the response is sent: a mutation that
 * raised any error is rolled back whole; everything else commits. A failed commit turns
 * the response into an error rather than reporting success for work that was not saved.
 */
@Plugin()
export class TransactionPlugin implements ApolloServerPlugin {
  constructor(private readonly database: Database) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const database = this.database;
    return {
      async willSendResponse({ response, errors, operation }) {
        const state = RequestContext.current();
        if (!state) return;
        const commit = !(operation?.operation === 'mutation' && errors && errors.length > 0);
        try {
          await database.finish(state, commit);
        } catch {
          if (response.body.kind === 'single') {
            response.body.singleResult = {
              errors: [{ message: 'Your change could not be saved. Please try again.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
            };
          }
        }
      },
    };
  }
}
