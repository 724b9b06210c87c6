/** Lambda refuses a synchronous invocation's response over 6 MB (6,291,456 bytes of serialized JSON). */
export const LAMBDA_RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024;

export class LambdaResponseTooLarge extends Error {
  override readonly name = 'LambdaResponseTooLarge';
}

/**
 * Fails a result Lambda would not return, as Lambda does (API Gateway then answers 500), so that a
 * response too big for AWS fails locally too instead of working only here.
 */
export const enforceResponseLimit = <T>(functionName: string, result: T): T => {
  const bytes = Buffer.byteLength(JSON.stringify(result) ?? '');
  if (bytes > LAMBDA_RESPONSE_LIMIT_BYTES) {
    throw new LambdaResponseTooLarge(
      `${functionName} returned ${bytes} bytes; Lambda's response limit is ${LAMBDA_RESPONSE_LIMIT_BYTES}`,
    );
  }
  return result;
};
