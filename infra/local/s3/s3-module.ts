import S3rver from 's3rver';
import type { ComponentHealth } from '../health/component-health';
import type { LocalModule } from '../local-module';
import { freePort } from '../ports';
import { bucketDefinitions, corsXml } from '../template/buckets';
import { listenS3Endpoint } from './s3-endpoint';

/** Long enough for a busy machine, short enough that a health check answers while a person waits. */
const PROBE_TIMEOUT_MS = 3_000;

/**
 * S3 as a local module of `npm start`: s3rver (npm) keeps the template's buckets on disk under the
 * data directory, behind the local S3 endpoint that checks signatures and checksums as S3 does
 * (s3-endpoint.ts). Handlers reach it through `AWS_ENDPOINT_URL_S3`, and so do the pre-signed URLs
 * they hand out.
 */
export const s3Module = (
  storage: string,
  secretOf: (accessKeyId: string) => string | undefined,
): LocalModule => ({
  name: 's3',
  async start({ stacks, region, accountId }) {
    const partition = region.startsWith('cn-') ? 'aws-cn' : 'aws';
    const scope = { stacks, region, accountId, namers: {} };
    const buckets = stacks.flatMap((stack) => bucketDefinitions(stack, scope));
    const s3rver = new S3rver({
      address: '127.0.0.1',
      port: await freePort(),
      directory: storage,
      silent: true,
      configureBuckets: buckets.map((bucket) => ({
        name: bucket.name,
        configs: bucket.corsRules.length > 0 ? [corsXml(bucket.corsRules)] : [],
      })),
    });
    const { port } = await s3rver.run();
    const endpoint = await listenS3Endpoint({ upstreamPort: port, secretOf }).catch(async (error) => {
      await s3rver.close();
      throw error;
    });
    const names = new Map(buckets.map((bucket) => [bucket.logicalId, bucket.name]));
    const namer = (logicalId: string) => {
      const name = names.get(logicalId) ?? logicalId.toLowerCase();
      return {
        ref: name,
        attributes: { Arn: `arn:${partition}:s3:::${name}`, DomainName: `${name}.local` },
      };
    };
    const health = async (): Promise<ComponentHealth> => {
      try {
        // Unsigned, so the endpoint refuses it with S3's 403: an answer is all this asks for.
        await fetch(`${endpoint.url}/`, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
        return { component: 's3', status: 'ok', summary: `${endpoint.url}, ${buckets.length} buckets` };
      } catch (error) {
        return {
          component: 's3',
          status: 'broken',
          summary: `${endpoint.url} does not answer: ${(error as Error).message}`,
        };
      }
    };
    return {
      environment: { AWS_ENDPOINT_URL_S3: endpoint.url },
      namers: { 'AWS::S3::Bucket': namer },
      banner: [`S3              ${endpoint.url} (s3rver, ${storage})`],
      health,
      stop: async () => {
        await endpoint.close();
        await s3rver.close();
      },
    };
  },
});
