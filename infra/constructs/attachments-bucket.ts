import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { acknowledgeAttachmentObjectsGrant } from '../nag';

/** Where the attachment objects live in the bucket: one prefix per owner kind, then the owner and the id. */
export const ATTACHMENT_OBJECTS = 'attachments/*';

/**
 * The bucket's name, unique per stage, account and region (at most 58 characters). Named rather than
 * exported across stacks, so its grant reads the same in every synth and cdk-nag's acknowledgment of it
 * can name it; placeholders instead of the pseudo parameters give cdk-nag's rendering of the name.
 */
export const attachmentsBucketName = (stage: string, account = Aws.ACCOUNT_ID, region = Aws.REGION) =>
  `qinqing-${stage}-files-${account}-${region}`;

/**
 * The bucket for attachments (photos and documents on issues, visits, resolutions and cases), uploaded
 * and downloaded only through pre-signed URLs: private, encrypted, TLS only, kept on stack deletion.
 * Versioned, because accountability evidence must survive a mistaken delete (a key is never written
 * twice with other bytes: the signed checksum pins them). Access logs go to a bucket of their own.
 */
export class AttachmentsBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: { stage: string; webOrigins: readonly string[] }) {
    super(scope, id);

    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    Validations.of(accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the attachments bucket; logging it into itself would loop.',
    });

    this.bucket = new Bucket(this, 'Bucket', {
      bucketName: attachmentsBucketName(props.stage),
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'attachments/',
      // Browsers upload and download straight from the bucket with the signed URL; only the program's
      // web clients may do so from a page (a URL leaked to another site is no use in a browser there).
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedOrigins: [...props.webOrigins],
          allowedHeaders: ['content-type', 'x-amz-checksum-sha256'],
          exposedHeaders: ['etag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        {
          // A single PUT is stored whole or not at all; a multipart upload left unfinished keeps its
          // parts, invisible and billed, until aborted.
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          // Versions exist only to undo a mistaken delete or an overwrite; a quarter is long enough.
          noncurrentVersionExpiration: Duration.days(90),
        },
      ],
    });
  }

  /**
   * Lets a function of another stack sign uploads to and downloads from the stage's attachment
   * objects, and tells it the bucket.
   */
  static bindTo(fn: IFunction & { addEnvironment(key: string, value: string): unknown }, stage: string) {
    const bucket = Bucket.fromBucketName(fn, 'AttachmentsBucket', attachmentsBucketName(stage));
    fn.addEnvironment('ATTACHMENTS_BUCKET', bucket.bucketName);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [bucket.arnForObjects(ATTACHMENT_OBJECTS)],
      }),
    );
    // Without ListBucket, S3 answers a HEAD of a missing object 403, not 404: "not uploaded yet" needs it.
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': ATTACHMENT_OBJECTS } },
      }),
    );
    acknowledgeAttachmentObjectsGrant(
      fn.role ?? fn,
      `arn:<AWS::Partition>:s3:::${attachmentsBucketName(stage, '<AWS::AccountId>', '<AWS::Region>')}/${ATTACHMENT_OBJECTS}`,
    );
  }
}
