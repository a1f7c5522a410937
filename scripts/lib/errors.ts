/** A problem with how the validator was called (arguments, environment): exit code 2, no stack trace. */
export class UsageError extends Error {}
