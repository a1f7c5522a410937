/**
 * Puts one record file on the submission's branch and makes sure one open pull request carries
 * it. Every step looks before it acts, so running it again (a re-run, an edited issue) reuses the
 * branch, the file and the pull request instead of duplicating them. Uses the REST API only:
 * nothing from the issue reaches a shell or a Git command line.
 */
import type { GitHub } from '../github/client.ts';

export interface PullRequestPlan {
  owner: string;
  repo: string;
  base: string;
  branch: string;
  path: string;
  text: string;
  commitMessage: string;
  title: string;
  body: string;
  labels: string[];
  /** Reads the file path an earlier run wrote on this branch (from the existing pull request body). */
  previousPath?: (prBody: string) => string | undefined;
}

export interface PullRequestResult {
  number: number;
  url: string;
  created: boolean;
  /** Whether this run changed the file on the branch. */
  committed: boolean;
}

const status = (error: unknown) => (error as { status?: number }).status;

async function fileOnBranch(
  github: GitHub,
  plan: PullRequestPlan,
  filePath: string,
): Promise<{ sha: string; text: string } | undefined> {
  try {
    const { data } = await github.rest.repos.getContent({
      owner: plan.owner,
      repo: plan.repo,
      path: filePath,
      ref: plan.branch,
    });
    if (Array.isArray(data) || data.type !== 'file')
      throw new Error(`${filePath} on ${plan.branch} is not a file`);
    const text =
      'content' in data && typeof data.content === 'string'
        ? Buffer.from(data.content, 'base64').toString('utf8')
        : '';
    return { sha: data.sha, text };
  } catch (error) {
    if (status(error) === 404) return undefined;
    throw error;
  }
}

async function ensureBranch(github: GitHub, plan: PullRequestPlan): Promise<void> {
  try {
    await github.rest.git.getRef({
      owner: plan.owner,
      repo: plan.repo,
      ref: `heads/${plan.branch}`,
    });
    return;
  } catch (error) {
    if (status(error) !== 404) throw error;
  }
  const base = await github.rest.git.getRef({
    owner: plan.owner,
    repo: plan.repo,
    ref: `heads/${plan.base}`,
  });
  try {
    await github.rest.git.createRef({
      owner: plan.owner,
      repo: plan.repo,
      ref: `refs/heads/${plan.branch}`,
      sha: base.data.object.sha,
    });
  } catch (error) {
    // Another run made it between our look and our create: use it.
    if (status(error) !== 422) throw error;
  }
}

export async function openPullRequest(
  github: GitHub,
  plan: PullRequestPlan,
): Promise<PullRequestResult> {
  const { owner, repo } = plan;
  await ensureBranch(github, plan);
  const open = await github.rest.pulls.list({
    owner,
    repo,
    state: 'open',
    head: `${owner}:${plan.branch}`,
    base: plan.base,
    per_page: 10,
  });
  const existing = open.data[0];

  // An earlier run may have written the record under another name (the title or date changed).
  const previous =
    existing?.body && plan.previousPath ? plan.previousPath(existing.body) : undefined;
  if (previous && previous !== plan.path) {
    const old = await fileOnBranch(github, plan, previous);
    if (old)
      await github.rest.repos.deleteFile({
        owner,
        repo,
        path: previous,
        branch: plan.branch,
        sha: old.sha,
        message: `Remove ${previous}: the submission now writes ${plan.path}`,
      });
  }

  const current = await fileOnBranch(github, plan, plan.path);
  let committed = false;
  if (current?.text !== plan.text) {
    await github.rest.repos.createOrUpdateFileContents({
      owner,
      repo,
      path: plan.path,
      branch: plan.branch,
      message: plan.commitMessage,
      content: Buffer.from(plan.text, 'utf8').toString('base64'),
      ...(current ? { sha: current.sha } : {}),
    });
    committed = true;
  }

  let number: number;
  let url: string;
  let created = false;
  if (existing) {
    number = existing.number;
    url = existing.html_url;
    if (existing.title !== plan.title || existing.body !== plan.body) {
      await github.rest.pulls.update({
        owner,
        repo,
        pull_number: number,
        title: plan.title,
        body: plan.body,
      });
    }
  } else {
    const pr = await github.rest.pulls.create({
      owner,
      repo,
      base: plan.base,
      head: plan.branch,
      title: plan.title,
      body: plan.body,
      maintainer_can_modify: true,
    });
    number = pr.data.number;
    url = pr.data.html_url;
    created = true;
  }
  if (plan.labels.length)
    await github.rest.issues.addLabels({ owner, repo, issue_number: number, labels: plan.labels });
  return { number, url, created, committed };
}
