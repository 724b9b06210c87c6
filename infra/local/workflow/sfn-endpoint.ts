import { listenJsonProtocolEndpoint } from '../http/json-protocol-endpoint';
import type { ExecutionEngine } from './execution-engine';
import { handleSfnRequest, protocolJson } from './sfn-protocol';

/** The local Step Functions endpoint on a free port of its own: the SDK posts every operation to `/`. */
export const listenSfnEndpoint = (engine: ExecutionEngine) =>
  listenJsonProtocolEndpoint('application/x-amz-json-1.0', (target, body) => {
    let reply: { status: number; body: unknown };
    try {
      reply = handleSfnRequest(engine, target, body);
    } catch (error) {
      console.error('[local] Step Functions request failed:', error);
      reply = { status: 500, body: { __type: 'InternalFailure', message: 'Local Step Functions failed' } };
    }
    return { status: reply.status, body: protocolJson(reply.body) };
  });
