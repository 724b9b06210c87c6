import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '../../shared/domain/roles';

export interface UserDirectoryProps {
  /** Hosted sign-in redirects (authorization code grant); none: no OAuth flow at all. */
  callbackUrls: string[];
}

/**
 * The program's own Cognito user pool, for global regions without an external issuer. It lives in the
 * data stack with deletion protection: a replaced pool would orphan every user. One group per role;
 * scope ids are custom attributes only operators set.
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;

  constructor(scope: Construct, id: string, props: UserDirectoryProps) {
    super(scope, id);
    this.userPool = new UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        enterpriseId: new StringAttribute({ mutable: true }),
        unitId: new StringAttribute({ mutable: true }),
        cadreId: new StringAttribute({ mutable: true }),
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    }
    const oauth = props.callbackUrls.length > 0;
    // Scope claims are set by operators only: the app client may read them but never write them.
    this.client = this.userPool.addClient('AppClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      // Short-lived: a revoked role or scope takes effect within the hour; refresh re-reads them.
      accessTokenValidity: Duration.minutes(15),
      idTokenValidity: Duration.minutes(15),
      refreshTokenValidity: Duration.hours(12),
      // CDK's default client allows the implicit grant to https://example.com; this one names its flows.
      ...(oauth
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
              scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
              callbackUrls: props.callbackUrls,
            },
          }
        : { disableOAuth: true }),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('enterpriseId', 'unitId', 'cadreId'),
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }
}
