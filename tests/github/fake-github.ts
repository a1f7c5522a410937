/**
 * A small stand-in for the GitHub REST API on 127.0.0.1, for the bots' end-to-end tests. It keeps
 * real state (issues, comments, labels, branches with files, pull requests), records every
 * request, checks the token, and can be told to fail: a status with headers (rate limits,
 * server errors) for the next N requests that match a method and path. Lists are paginated as
 * GitHub paginates them: `per_page` (30 unless given, at most 100) and `page` (from 1), with a
 * `Link` header naming the first, previous, next and last pages.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
}

export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  headers?: Record<string, string>;
  message?: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

interface FileEntry {
  text: string;
  sha: string;
}
interface Branch {
  sha: string;
  files: Map<string, FileEntry>;
}
export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  pull_request?: { head: string; base: string; sha?: string };
}
export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  requests: RecordedRequest[] = [];
  faults: Fault[] = [];
  branches = new Map<string, Branch>();
  issues = new Map<number, FakeIssue>();
  comments: FakeComment[] = [];
  labels = new Map<string, { name: string; color: string; description: string }>();
  private nextNumber = 1;
  private nextId = 1000;
  private nextSha = 1;
  private server?: http.Server;
  url = '';

  constructor(owner = 'jol-library', repo = 'jol-library', token = 'test-token') {
    this.owner = owner;
    this.repo = repo;
    this.token = token;
    this.branches.set('main', { sha: this.sha(), files: new Map() });
  }

  private sha(): string {
    return (this.nextSha++).toString(16).padStart(40, '0');
  }

  addIssue(issue: Omit<FakeIssue, 'number' | 'state'> & { state?: FakeIssue['state'] }): FakeIssue {
    const full: FakeIssue = { state: 'open', ...issue, number: this.nextNumber++ };
    this.issues.set(full.number, full);
    return full;
  }

  pulls(): FakeIssue[] {
    return [...this.issues.values()].filter((i) => i.pull_request);
  }

  commentsOn(issue: number): FakeComment[] {
    return this.comments.filter((c) => c.issue_number === issue);
  }

  /** Requests that changed something (everything but GET). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          body = raw;
        }
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const record: RecordedRequest = {
          method: req.method ?? 'GET',
          path: decodeURIComponent(url.pathname),
          query: Object.fromEntries(url.searchParams),
          body,
        };
        this.requests.push(record);
        const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
          res.writeHead(status, {
            'content-type': 'application/json; charset=utf-8',
            'x-ratelimit-remaining': '4999',
            'x-ratelimit-limit': '5000',
            ...headers,
          });
          res.end(payload === undefined ? '' : JSON.stringify(payload));
        };
        const auth = req.headers.authorization ?? '';
        if (
          auth !== `token ${this.token}` &&
          auth !== `bearer ${this.token}` &&
          auth !== `Bearer ${this.token}`
        ) {
          return send(401, { message: 'Bad credentials' });
        }
        const fault = this.faults.find(
          (f) => (f.times ?? 1) > 0 && f.method === record.method && f.path.test(record.path),
        );
        if (fault) {
          fault.times = (fault.times ?? 1) - 1;
          return send(
            fault.status,
            { message: fault.message ?? `Simulated HTTP ${fault.status}` },
            fault.headers,
          );
        }
        try {
          const [status, payload] = this.route(record);
          if (record.method === 'GET' && status === 200 && Array.isArray(payload)) {
            const { items, link } = this.page(url, payload);
            return send(status, items, link ? { link } : {});
          }
          send(status, payload);
        } catch (error) {
          send(500, { message: `Fake GitHub error: ${(error as Error).message}` });
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** One page of a list, as GitHub's REST API gives it, and its Link header (none when one page holds it all). */
  private page(url: URL, all: unknown[]): { items: unknown[]; link?: string } {
    const perPage = Math.min(
      Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1),
      100,
    );
    const page = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const items = all.slice((page - 1) * perPage, page * perPage);
    if (last === 1) return { items };
    const at = (n: number) => {
      const next = new URL(url.pathname + url.search, this.url);
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set('page', String(n));
      return `<${next.href}>`;
    };
    const links = [
      ...(page > 1 ? [`${at(page - 1)}; rel="prev"`] : []),
      ...(page < last ? [`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`] : []),
      ...(page > 1 ? [`${at(1)}; rel="first"`] : []),
    ];
    return { items, link: links.join(', ') };
  }

  private issueJson(issue: FakeIssue) {
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      labels: issue.labels.map((name) => ({ name })),
      html_url: `https://github.example/${this.owner}/${this.repo}/${issue.pull_request ? 'pull' : 'issues'}/${issue.number}`,
      ...(issue.pull_request ? { pull_request: { url: 'x' } } : {}),
    };
  }

  private pullJson(pr: FakeIssue) {
    const sha =
      pr.pull_request!.sha ?? this.branches.get(pr.pull_request!.head)?.sha ?? '0'.repeat(40);
    return {
      ...this.issueJson(pr),
      head: { ref: pr.pull_request!.head, sha },
      base: { ref: pr.pull_request!.base },
    };
  }

  private route(r: RecordedRequest): [number, unknown] {
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!r.path.startsWith(prefix)) return [404, { message: 'Not Found' }];
    const p = r.path.slice(prefix.length);
    const body = (r.body ?? {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    const issueOf = (n: string) => this.issues.get(Number(n));

    if (p === '/labels' && r.method === 'GET') return [200, [...this.labels.values()]];
    if (p === '/labels' && r.method === 'POST') {
      if (this.labels.has(String(body.name).toLowerCase()))
        return [422, { message: 'Validation Failed: already_exists' }];
      const label = {
        name: String(body.name),
        color: String(body.color),
        description: String(body.description ?? ''),
      };
      this.labels.set(label.name.toLowerCase(), label);
      return [201, label];
    }
    if ((m = /^\/labels\/(.+)$/.exec(p)) && r.method === 'PATCH') {
      const label = this.labels.get(m[1]!.toLowerCase());
      if (!label) return [404, { message: 'Not Found' }];
      this.labels.delete(m[1]!.toLowerCase());
      const next = {
        name: String(body.new_name ?? label.name),
        color: String(body.color ?? label.color),
        description: String(body.description ?? label.description),
      };
      this.labels.set(next.name.toLowerCase(), next);
      return [200, next];
    }
    if ((m = /^\/issues\/(\d+)$/.exec(p)) && r.method === 'GET') {
      const issue = issueOf(m[1]!);
      return issue ? [200, this.issueJson(issue)] : [404, { message: 'Not Found' }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
      const n = Number(m[1]);
      if (!this.issues.has(n)) return [404, { message: 'Not Found' }];
      if (r.method === 'GET')
        return [200, this.commentsOn(n).map((c) => ({ id: c.id, body: c.body }))];
      if (r.method === 'POST') {
        const comment = { id: this.nextId++, issue_number: n, body: String(body.body) };
        this.comments.push(comment);
        return [201, { id: comment.id, body: comment.body }];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(p)) && r.method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(m![1]));
      if (!comment) return [404, { message: 'Not Found' }];
      comment.body = String(body.body);
      return [200, { id: comment.id, body: comment.body }];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(p)) && r.method === 'POST') {
      const issue = issueOf(m[1]!);
      if (!issue) return [404, { message: 'Not Found' }];
      for (const l of body.labels as string[]) if (!issue.labels.includes(l)) issue.labels.push(l);
      return [200, issue.labels.map((name) => ({ name }))];
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(p)) && r.method === 'DELETE') {
      const issue = issueOf(m[1]!);
      if (!issue || !issue.labels.includes(m[2]!))
        return [404, { message: 'Label does not exist' }];
      issue.labels = issue.labels.filter((l) => l !== m![2]);
      return [200, issue.labels.map((name) => ({ name }))];
    }
    if ((m = /^\/git\/ref\/heads\/(.+)$/.exec(p)) && r.method === 'GET') {
      const branch = this.branches.get(m[1]!);
      return branch
        ? [200, { ref: `refs/heads/${m[1]}`, object: { sha: branch.sha, type: 'commit' } }]
        : [404, { message: 'Not Found' }];
    }
    if (p === '/git/refs' && r.method === 'POST') {
      const name = String(body.ref).replace(/^refs\/heads\//, '');
      if (this.branches.has(name)) return [422, { message: 'Reference already exists' }];
      const from = [...this.branches.values()].find((b) => b.sha === body.sha);
      if (!from) return [422, { message: 'Object does not exist' }];
      this.branches.set(name, { sha: this.sha(), files: new Map(from.files) });
      return [201, { ref: body.ref, object: { sha: this.branches.get(name)!.sha } }];
    }
    if ((m = /^\/contents\/(.+)$/.exec(p))) {
      const path = m[1]!;
      const branchName =
        r.method === 'GET' ? (r.query.ref ?? 'main') : String(body.branch ?? 'main');
      const branch = this.branches.get(branchName);
      if (!branch) return [404, { message: 'No commit found for the ref' }];
      const file = branch.files.get(path);
      if (r.method === 'GET') {
        return file
          ? [
              200,
              {
                type: 'file',
                path,
                sha: file.sha,
                encoding: 'base64',
                content: Buffer.from(file.text).toString('base64'),
              },
            ]
          : [404, { message: 'Not Found' }];
      }
      if (r.method === 'PUT') {
        if (file && body.sha !== file.sha)
          return [409, { message: `${path} does not match ${String(body.sha)}` }];
        if (!file && body.sha) return [422, { message: 'sha given for a new file' }];
        const entry = {
          text: Buffer.from(String(body.content), 'base64').toString('utf8'),
          sha: this.sha(),
        };
        branch.files.set(path, entry);
        branch.sha = this.sha();
        return [
          file ? 200 : 201,
          { content: { path, sha: entry.sha }, commit: { sha: branch.sha, message: body.message } },
        ];
      }
      if (r.method === 'DELETE') {
        if (!file) return [404, { message: 'Not Found' }];
        if (body.sha !== file.sha) return [409, { message: 'sha does not match' }];
        branch.files.delete(path);
        branch.sha = this.sha();
        return [200, { commit: { sha: branch.sha } }];
      }
    }
    if (p === '/pulls' && r.method === 'GET') {
      const head = r.query.head?.replace(`${this.owner}:`, '');
      const list = this.pulls().filter(
        (pr) =>
          (r.query.state === 'all' || pr.state === (r.query.state ?? 'open')) &&
          (!head || pr.pull_request!.head === head) &&
          (!r.query.base || pr.pull_request!.base === r.query.base),
      );
      return [200, list.map((pr) => this.pullJson(pr))];
    }
    if (p === '/pulls' && r.method === 'POST') {
      const head = String(body.head);
      if (!this.branches.has(head)) return [422, { message: `head ${head} does not exist` }];
      if (this.pulls().some((pr) => pr.state === 'open' && pr.pull_request!.head === head)) {
        return [422, { message: `A pull request already exists for ${this.owner}:${head}.` }];
      }
      const pr = this.addIssue({
        title: String(body.title),
        body: String(body.body ?? ''),
        labels: [],
        pull_request: { head, base: String(body.base) },
      });
      return [201, this.pullJson(pr)];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(p)) && r.method === 'GET') {
      const pr = issueOf(m[1]!);
      return pr?.pull_request ? [200, this.pullJson(pr)] : [404, { message: 'Not Found' }];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(p)) && r.method === 'PATCH') {
      const pr = issueOf(m[1]!);
      if (!pr?.pull_request) return [404, { message: 'Not Found' }];
      if (typeof body.title === 'string') pr.title = body.title;
      if (typeof body.body === 'string') pr.body = body.body;
      return [200, this.pullJson(pr)];
    }
    return [404, { message: `Fake GitHub has no route for ${r.method} ${r.path}` }];
  }
}
