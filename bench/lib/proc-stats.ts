/**
 * What a process costs, read from Linux's /proc: CPU time (utime + stime, in
 * clock ticks) and memory (VmHWM, the peak resident set, and VmRSS).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/** Clock ticks per second (`getconf CLK_TCK`), normally 100: CPU times are multiples of 10 ms. */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of `pid`, in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[14 - 3]) + Number(fields[15 - 3]);
  return (ticks * 1000) / CLK_TCK;
}

export interface MemoryReading {
  /** Peak resident set (VmHWM) since the process started or since `resetPeak`. */
  peakMB: number;
  rssMB: number;
}

export function memory(pid: number): MemoryReading {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMB: round(kb('VmHWM') / 1024, 1), rssMB: round(kb('VmRSS') / 1024, 1) };
}

/**
 * Resets VmHWM to the current RSS (`echo 5 > /proc/pid/clear_refs`, Linux 4.0+),
 * so that a scenario's peak is its own; false when not permitted.
 */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** CPU used by `pid` between `new CpuWindow(pid)` and `end()`. */
export class CpuWindow {
  private readonly startCpu: number;
  private readonly startWall = performance.now();

  constructor(private readonly pid: number) {
    this.startCpu = cpuMs(pid);
  }

  end(): { cpuMs: number; wallMs: number; coreShare: number } {
    const cpu = cpuMs(this.pid) - this.startCpu;
    const wall = performance.now() - this.startWall;
    return { cpuMs: cpu, wallMs: round(wall, 1), coreShare: round(cpu / wall, 3) };
  }
}

export function round(value: number, places = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** utime + stime of every process whose command name is `comm` (e.g. all of PostgreSQL's backends), in ms. */
export function cpuMsOfCommand(comm: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) !== comm) continue;
      total += cpuMs(Number(entry));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}
