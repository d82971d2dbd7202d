// addons-linter ships no types: the part of its API the Firefox test uses.
declare module 'addons-linter' {
  interface LinterMessage {
    code: string;
    message: string;
    file?: string;
  }
  interface Linter {
    run(): Promise<{
      errors: LinterMessage[];
      warnings: LinterMessage[];
      notices: LinterMessage[];
    }>;
  }
  const linter: {
    createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): Linter;
  };
  export default linter;
}
