import { type ResolveScope, resolveString } from './intrinsics';
import { resourcesOfType, type StackTemplate } from './types';

interface CfnCorsRule {
  AllowedMethods: string[];
  AllowedOrigins: string[];
  AllowedHeaders?: string[];
  ExposedHeaders?: string[];
  MaxAge?: number;
}

/** An S3 bucket as the template declares it: its name as deployed, and its CORS rules. */
export interface BucketDefinition {
  logicalId: string;
  name: string;
  corsRules: CfnCorsRule[];
}

/** An explicit `BucketName` (resolved locally) wins; otherwise the logical id, lower-cased as S3 names are. */
export const bucketDefinitions = (stack: StackTemplate, scope: ResolveScope): BucketDefinition[] =>
  resourcesOfType(stack, 'AWS::S3::Bucket').map(([logicalId, resource]) => {
    const properties = resource.Properties ?? {};
    const cors = properties.CorsConfiguration as { CorsRules?: CfnCorsRule[] } | undefined;
    return {
      logicalId,
      name:
        properties.BucketName === undefined
          ? logicalId.toLowerCase()
          : resolveString(properties.BucketName, stack, scope),
      corsRules: cors?.CorsRules ?? [],
    };
  });

const element = (name: string, values: readonly (string | number)[] = []) =>
  values.map((value) => `<${name}>${value}</${name}>`).join('');

/** The bucket's CORS rules as the XML S3's PutBucketCors takes (and s3rver reads at start). */
export const corsXml = (rules: readonly CfnCorsRule[]): string =>
  `<CORSConfiguration>${rules
    .map(
      (rule) =>
        `<CORSRule>${element('AllowedOrigin', rule.AllowedOrigins)}${element('AllowedMethod', rule.AllowedMethods)}${element('AllowedHeader', rule.AllowedHeaders)}${element('ExposeHeader', rule.ExposedHeaders)}${element('MaxAgeSeconds', rule.MaxAge === undefined ? [] : [rule.MaxAge])}</CORSRule>`,
    )
    .join('')}</CORSConfiguration>`;
