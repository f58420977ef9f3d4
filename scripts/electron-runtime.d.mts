export interface ElectronRuntime {
  path: string | null;
  reason: string | null;
}
export declare function electronExecutable(platform?: NodeJS.Platform): string;
export declare function findElectron(): ElectronRuntime;
export declare function findOrFetchElectron(options?: {
  log?: (line: string) => void;
}): Promise<ElectronRuntime>;
