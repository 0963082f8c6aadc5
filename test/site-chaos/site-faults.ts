import type { StationSupervisor } from '../chaos/station-supervisor';
import type { PostgresServer } from '../support/postgres-server';

/** What the faults did to the site during the run. */
export interface FaultLog {
  kills: number;
  freezes: number;
  postgresRestarts: number;
  lines: string[];
}

export interface FaultPlan {
  /** A station is killed (SIGKILL) and started again this often, at random among those up. */
  killEveryMs: number;
  /** When one station is frozen (SIGSTOP), and for how long, once in the run. */
  freezeAtMs: number;
  freezeForMs: number;
  /** When PostgreSQL is restarted, once in the run. */
  postgresRestartAtMs: number;
  random: () => number;
}

/**
 * Breaks the site while the bars and festival-goers go on: SIGKILLs at random (each station is started
 * again at once), one station frozen with SIGSTOP and woken later, PostgreSQL stopped and started once.
 * `stop()` ends the faults and leaves every station running.
 */
export function startFaults(stations: readonly StationSupervisor[], server: PostgresServer, plan: FaultPlan) {
  const log: FaultLog = { kills: 0, freezes: 0, postgresRestarts: 0, lines: [] };
  const started = Date.now();
  const say = (line: string) => log.lines.push(`${((Date.now() - started) / 1_000).toFixed(1)} s: ${line}`);
  let frozen: StationSupervisor | null = null;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const kill = async (): Promise<void> => {
    const candidates = stations.filter((s) => s !== frozen && s.isUp());
    const victim = candidates[Math.floor(plan.random() * candidates.length)];
    if (!victim) return;
    log.kills += 1;
    say(`SIGKILL station ${stations.indexOf(victim) + 1}`);
    await victim.killAndRestart();
  };
  const killing = (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, plan.killEveryMs));
      if (!stopped) await kill().catch((error: unknown) => say(`restart failed: ${String(error)}`));
    }
  })();
  timers.push(
    setTimeout(() => {
      frozen = stations.find((s) => s.isUp()) ?? null;
      if (!frozen) return;
      log.freezes += 1;
      say(`SIGSTOP station ${stations.indexOf(frozen) + 1}`);
      frozen.signal('SIGSTOP');
      timers.push(
        setTimeout(() => {
          say(`SIGCONT station ${stations.indexOf(frozen!) + 1}`);
          frozen?.signal('SIGCONT');
          frozen = null;
        }, plan.freezeForMs),
      );
    }, plan.freezeAtMs),
    setTimeout(() => {
      log.postgresRestarts += 1;
      say('PostgreSQL stopped');
      server.stop('fast');
      setTimeout(() => {
        server.start();
        say('PostgreSQL started');
      }, 2_000);
    }, plan.postgresRestartAtMs),
  );
  return {
    log,
    async stop(): Promise<void> {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      frozen?.signal('SIGCONT');
      await killing;
      await Promise.all(stations.map((s) => s.whenUp()));
    },
  };
}
