// What the repository's writes refuse with; the service turns each into its answer.
export class DuplicateCodeError extends Error {}
export class DestinationBlockedError extends Error {}
export class LinkLimitExceededError extends Error {
  constructor(readonly limit: number) {
    super(`link limit ${limit} reached`);
  }
}
