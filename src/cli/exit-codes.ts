/** Exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  /** The content has problems that checks report as errors. */
  contentErrors: 1,
  /** A usage error, or content that cannot be read or parsed. */
  usageOrUnreadable: 2,
} as const;
