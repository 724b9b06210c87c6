import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { apiTemplate, dataTemplate } from './synthesized';

const bucketName = {
  'Fn::Join': ['', ['qinqing-test-files-', { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]],
};

describe('the attachments bucket', () => {
  it('is private, encrypted, versioned, access-logged and kept when the stack goes', () => {
    const buckets = dataTemplate().findResources('AWS::S3::Bucket', {
      Properties: { BucketName: Match.anyValue() },
    });
    const [bucket] = Object.values(buckets);
    expect(Object.keys(buckets)).toHaveLength(1);
    expect(bucket?.DeletionPolicy).toBe('Retain');
    expect(bucket?.Properties).toMatchObject({
      BucketName: expect.anything(),
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
      LifecycleConfiguration: {
        Rules: [expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })],
      },
    });
  });

  it('refuses every request without TLS', () => {
    dataTemplate().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('lets only the attachments function sign for its objects, in the partition it is deployed to', () => {
    const grants = Object.entries(apiTemplate().findResources('AWS::IAM::Policy')).filter(([, policy]) =>
      JSON.stringify(policy).includes('s3:PutObject'),
    );
    expect(grants.map(([logicalId]) => logicalId)).toEqual([expect.stringMatching(/^Apiattachments/)]);
    const policy = JSON.stringify(grants[0]?.[1]);
    expect(policy).toContain('{"Ref":"AWS::Partition"}');
    expect(policy).not.toContain('arn:aws:');
    apiTemplate().hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ ATTACHMENTS_BUCKET: bucketName }) },
    });
  });
});
