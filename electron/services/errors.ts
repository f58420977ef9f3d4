/** A problem with what the user asked for, naming the field it concerns. */
export class WorkbenchInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'WorkbenchInputError';
  }
}
