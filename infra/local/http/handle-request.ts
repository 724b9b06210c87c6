import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/http/errors';
import { problemResponse } from '../../../shared/http/problem';
import type { TokenVerifier } from '../auth/token-verifier';
import type { FunctionRuntime } from '../functions/function-runtime';
import type { LocalRoute } from '../local-module';
import { headerValue, type IncomingRequest } from './incoming-request';
import { authorize, rejectedTokenResponse, TokenRejected } from './jwt-authorizer';
import { matchLocalRoute } from './local-routes';
import type { RouteTable } from './route-table';
import { toApiGatewayEvent } from './to-event';
import { fromLambdaResult, type OutgoingResponse } from './to-response';

export interface ApiGatewayEmulation {
  /** The template's JWT authorizer, emulated (infra/local/auth/token-verifier.ts). */
  verify: TokenVerifier;
  routes: RouteTable;
  functions: Pick<FunctionRuntime, 'invoke'>;
  localRoutes: readonly LocalRoute[];
  apiId: string;
  accountId: string;
}

const routeNotFound = (method: string, path: string) =>
  new ApiError(404, 'ROUTE_NOT_FOUND', 'Not found', `No route ${method} ${path}.`);

/**
 * What API Gateway does with one request: `/_local` routes first (local only), then the template's
 * routes; the JWT authorizer where the route has one (its 401 is API Gateway's own); the Lambda proxy integration; the result back.
 */
export const handleRequest = async (
  emulation: ApiGatewayEmulation,
  request: IncomingRequest,
): Promise<OutgoingResponse> => {
  const requestId = randomUUID();
  const path = request.url.split('?')[0] ?? '/';
  const respond = (result: unknown): OutgoingResponse => {
    const response = fromLambdaResult(result);
    response.headers['apigw-requestid'] = requestId;
    return response;
  };
  try {
    if (path === '/_local' || path.startsWith('/_local/')) {
      const local = matchLocalRoute(emulation.localRoutes, request.method, path);
      if (!local) throw routeNotFound(request.method, path);
      return respond(await local.route.handle(request, local.pathParameters));
    }
    const match = emulation.routes.match(request.method, path);
    if (!match) throw routeNotFound(request.method, path);
    const claims = match.route.requiresJwt
      ? await authorize(emulation.verify, headerValue(request, 'authorization'))
      : undefined;
    const event = toApiGatewayEvent(request, match, {
      requestId,
      apiId: emulation.apiId,
      accountId: emulation.accountId,
      now: new Date(),
      ...(claims ? { claims } : {}),
    });
    return respond(await emulation.functions.invoke(match.route.functionLogicalId, event));
  } catch (error) {
    if (error instanceof TokenRejected) return respond(rejectedTokenResponse(error));
    const response = respond(problemResponse(error, requestId));
    // A crashed function (or local route) reaches the client as a bare 500; the developer gets the stack.
    if (response.statusCode === 500) console.error(`[local] request ${requestId} failed:`, error);
    return response;
  }
};
