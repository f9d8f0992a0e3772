export function freePort(): Promise<number>;
export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  apiPorts: number[];
  configFile: string;
  startApi(i: number): Promise<void>;
  stopApi(i: number, signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<void>;
}
export function startStack(options?: {
  apiInstances?: number;
  databaseName?: string;
  host?: string;
  env?: Record<string, string>;
}): Promise<Stack>;
