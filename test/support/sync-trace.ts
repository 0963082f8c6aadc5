import { readFileSync } from 'node:fs';

/** One system call from an `strace -f -tt -yy` log, with where it started and ended in the log. */
export interface TracedCall {
  pid: number;
  name: string;
  /** What `-yy` printed for the first argument's fd: a file path or `TCP:[a->b]`; '' when none. */
  target: string;
  /** The arguments as printed (cut to strace's `-s` length for buffers). */
  args: string;
  result: string;
  /** Order in the log: a call that blocked starts at one line and ends at its `resumed` line. */
  start: number;
  end: number;
}

const LINE = /^(\d+)\s+\d\d:\d\d:\d\d\.\d+\s+(.*)$/;
const CALL = /^(\w+)\((.*)$/;
const RESUMED = /^<\.\.\. (\w+) resumed>(.*)$/;
const FIRST_FD = /^\d+<(TCP:\[[^\]]*\]|[^>]*)>/;

function targetOf(args: string): string {
  return FIRST_FD.exec(args)?.[1] ?? '';
}

/** Reads an strace log written with `-f -tt -yy`; signals and exits are skipped. */
export function readTrace(file: string): TracedCall[] {
  const calls: TracedCall[] = [];
  const pending = new Map<number, TracedCall>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const match = LINE.exec(line);
      if (!match) return;
      const pid = Number(match[1]);
      const rest = match[2]!;
      const resumed = RESUMED.exec(rest);
      if (resumed) {
        const call = pending.get(pid);
        if (!call) return;
        pending.delete(pid);
        call.end = index;
        // A blocked read prints its buffer only when it resumes.
        call.args += resumed[2]!;
        call.result = resumed[2]!;
        return;
      }
      const started = CALL.exec(rest);
      if (!started) return;
      const [, name, args] = started as unknown as [string, string, string];
      const call = { pid, name, target: targetOf(args), args, result: args, start: index, end: index };
      calls.push(call);
      if (args.endsWith('<unfinished ...>')) pending.set(pid, call);
    });
  return calls;
}

export interface AnsweredRequest {
  /** The `read` that brought the request line, and the first write of the answer on that connection. */
  request: TracedCall;
  answer: TracedCall | null;
  /** The last write to the database or its log while the request was being handled: its commit. */
  lastDatabaseWrite: TracedCall | null;
  /** Syncs of the database or its log that ended after that write and before the answer began. */
  syncsBeforeAnswer: TracedCall[];
}

const WRITES = new Set(['pwrite64', 'pwritev', 'pwritev2', 'write', 'writev']);
const SYNCS = new Set(['fsync', 'fdatasync']);
const ANSWERS = new Set(['write', 'writev', 'sendto', 'sendmsg']);

/**
 * Every request whose first bytes hold `requestLine`, paired with its answer on the same TCP connection,
 * and what reached the database files (`isDatabase(path)`) in between.
 */
export function answeredRequests(
  calls: TracedCall[],
  requestLine: string,
  isDatabase: (path: string) => boolean,
): AnsweredRequest[] {
  const requests = calls.filter(
    (c) => c.name === 'read' && c.target.startsWith('TCP:') && c.args.includes(requestLine),
  );
  return requests.map((request) => {
    const answer =
      calls.find((c) => c.start > request.end && ANSWERS.has(c.name) && c.target === request.target) ?? null;
    const before = answer?.start ?? Number.POSITIVE_INFINITY;
    const inBetween = calls.filter((c) => c.start > request.end && c.end < before && isDatabase(c.target));
    const lastDatabaseWrite = inBetween.filter((c) => WRITES.has(c.name)).at(-1) ?? null;
    const syncsBeforeAnswer = inBetween.filter(
      (c) =>
        SYNCS.has(c.name) &&
        lastDatabaseWrite !== null &&
        c.end > lastDatabaseWrite.end &&
        /= 0\s*$/.test(c.result),
    );
    return { request, answer, lastDatabaseWrite, syncsBeforeAnswer };
  });
}
