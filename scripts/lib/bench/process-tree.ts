/**
 * Runs a command and measures it from outside: wall time, and the peak resident memory of the
 * largest single process in its tree (Node and any binary it starts, such as Pagefind's),
 * sampled from /proc every 100 ms (each process's own high-water mark, VmHWM).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';

export interface TreeRun {
  seconds: number;
  /** Largest VmHWM of any process in the tree, in MB (NaN where /proc is not available). */
  peakMB: number;
  status: number | null;
  output: string;
}

function children(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      let list = map.get(ppid);
      if (!list) map.set(ppid, (list = []));
      list.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

function hwmKB(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

export function runTree(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutSeconds?: number },
): Promise<TreeRun> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const hasProc = fs.existsSync('/proc/self/status');
    const peaks = new Map<number, number>();
    const sample = () => {
      if (!hasProc || child.pid === undefined) return;
      const tree = children();
      const stack = [child.pid];
      while (stack.length > 0) {
        const pid = stack.pop()!;
        peaks.set(pid, Math.max(peaks.get(pid) ?? 0, hwmKB(pid)));
        stack.push(...(tree.get(pid) ?? []));
      }
    };
    const timer = setInterval(sample, 100);
    const limit = options.timeoutSeconds
      ? setTimeout(() => child.kill('SIGKILL'), options.timeoutSeconds * 1000)
      : undefined;
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(timer);
      if (limit) clearTimeout(limit);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({
        seconds,
        peakMB: hasProc ? Math.max(0, ...peaks.values()) / 1024 : NaN,
        status,
        output,
      });
    });
  });
}
