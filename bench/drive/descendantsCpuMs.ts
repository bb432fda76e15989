import fs from 'node:fs';

/**
 * CPU time (ms) used so far by every process below this one: the servers it
 * started and Chromium with its renderers, GPU and network processes. With
 * `loadWindow` it separates the benchmark's own work from other jobs on the
 * machine. A child that exits counts through its parent's reaped-children
 * time, so renderers that come and go are not lost. Null where /proc is not
 * readable (not Linux).
 */
export function descendantsCpuMs(root = process.pid): number | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const p of pids) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // The command name (field 2) may hold spaces and parentheses: the fields that follow start after the last ')'.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parent.set(Number(p), Number(f[1]));
    // utime, stime, cutime, cstime (fields 14–17).
    ticks.set(Number(p), Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]));
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let up = parent.get(pid); up !== undefined && up > 1; up = parent.get(up)) {
      if (up === root) {
        total += t;
        break;
      }
    }
  }
  return (total * 1000) / 100; // USER_HZ = 100, as in stats.ts
}
