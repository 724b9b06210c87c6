/** The parts of an Amazon States Language definition the local engine looks at itself. */
export interface AslState {
  Type: string;
  Resource?: string;
  TimeoutSeconds?: number;
  [field: string]: unknown;
}

export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  [field: string]: unknown;
}
