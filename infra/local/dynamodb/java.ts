import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { LocalModeError } from '../local-mode-error';

const MINIMUM_JAVA = 17;

/** `java -version` prints e.g. `openjdk version "17.0.15"` or, before Java 9, `"1.8.0_392"`. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
};

/** DynamoDB Local needs Java 17+; returns the java command to use (JAVA_HOME's if set). */
export const requireJava = (): string => {
  const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const install = `install a Java ${MINIMUM_JAVA}+ runtime (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME`;
  if (probe.error) {
    throw new LocalModeError(
      `DynamoDB Local needs Java ${MINIMUM_JAVA}+, but "${java}" cannot be run: ${install}`,
    );
  }
  const major = javaMajorVersion(`${probe.stderr}${probe.stdout}`);
  if (major === undefined || major < MINIMUM_JAVA) {
    throw new LocalModeError(
      `DynamoDB Local needs Java ${MINIMUM_JAVA}+, but "${java}" is version ${major ?? 'unknown'}: ${install}`,
    );
  }
  return java;
};
