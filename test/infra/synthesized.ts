import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { inject } from 'vitest';

const templateJson = (stackName: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(inject('assemblyDir'), `${stackName}.template.json`), 'utf8'));

/** The templates synthesized once by the infra global setup. */
export const dataTemplate = () => Template.fromJSON(templateJson(inject('stackNames').data));
export const apiTemplate = () => Template.fromJSON(templateJson(inject('stackNames').api));
export const validationReport = () =>
  JSON.parse(readFileSync(join(inject('assemblyDir'), 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName: string; conclusion: string; violations: { ruleName: string }[] }[];
  };
