/**
 * The GitHub REST client for the bots: octokit with its retry and throttling plugins, pointed at
 * GITHUB_API_URL (set by Actions; a local fake API in the tests). Server errors are retried a
 * few times; a rate limit is waited out only when the wait is short, otherwise the error
 * surfaces so the bot can say what happened on the issue and stop — nothing is lost.
 */
import { Octokit } from 'octokit';

export type GitHub = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  baseUrl?: string;
  /** Longest rate-limit wait, in seconds, before giving up (default 60). */
  maxWaitSeconds?: number;
  /** Milliseconds per retry step (octokit's default is 1000); tests shorten it. */
  retryBaseMs?: number;
  log?: (message: string) => void;
}

export function createClient(options: ClientOptions): GitHub {
  const maxWait = options.maxWaitSeconds ?? 60;
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number,
    ) => {
      const retry = retryCount < 1 && retryAfter <= maxWait;
      log(
        `GitHub ${kind} on ${request.method} ${request.url}: ${retry ? `retrying in ${retryAfter} s` : `not retrying (wait ${retryAfter} s)`}`,
      );
      return retry;
    };
  return new Octokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    userAgent: 'jol-library-bot',
    retry: {
      retries: 2,
      ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
    },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit'),
      ...(options.retryBaseMs !== undefined ? { retryAfterBaseValue: options.retryBaseMs } : {}),
    },
  });
}

/** Client settings from the environment of a workflow step. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): GitHub {
  const token = env.JOL_BOT_TOKEN || env.GITHUB_TOKEN;
  if (!token)
    throw new Error(
      'No GitHub token: set JOL_BOT_TOKEN (the GitHub App or fine-grained token) or GITHUB_TOKEN',
    );
  return createClient({
    token,
    baseUrl: env.GITHUB_API_URL,
    retryBaseMs: env.JOL_GITHUB_RETRY_BASE_MS ? Number(env.JOL_GITHUB_RETRY_BASE_MS) : undefined,
  });
}

/** owner and repo from "owner/name" (GITHUB_REPOSITORY). */
export function repoOf(full: string | undefined): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(full ?? '');
  if (!m) throw new Error(`Expected GITHUB_REPOSITORY as owner/name, found "${full ?? ''}"`);
  return { owner: m[1]!, repo: m[2]! };
}

/** A short description of a failed API call for people: status and GitHub's message. */
export function describeApiError(error: unknown): { rateLimited: boolean; text: string } {
  const e = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined> };
  };
  const headers = e.response?.headers ?? {};
  const rateLimited =
    e.status === 429 ||
    (e.status === 403 &&
      (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(e.message ?? '')));
  const status = e.status ? `HTTP ${e.status}` : 'no answer';
  return {
    rateLimited,
    text: `${status}: ${(e.message ?? String(error)).split('\n')[0]!.slice(0, 300)}`,
  };
}
