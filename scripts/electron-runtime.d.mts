export declare function findElectron(options?: { fetch?: boolean }): {
  path: string | null;
  reason: string | null;
};
