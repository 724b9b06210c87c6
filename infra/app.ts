import { buildApp } from './build-app';

// `npx cdk synth|deploy [-c stage=prod]`; the stage defaults to cdk.json's context.
buildApp({ bundling: true }).app.synth();
