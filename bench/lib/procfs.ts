/** /proc readings (Linux): memory and CPU of processes and of the machine. */
import { readFileSync } from 'node:fs';
import { sleep } from './process.ts';

export interface MemStatus {
  rssMb: number;
  hwmMb: number;
}

export function memStatus(pid: number): MemStatus | null {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

const TICK = 100; // USER_HZ on Linux

/** user+system CPU seconds of one process. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICK;
  } catch {
    return 0;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineCpu(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: (total - idle) / TICK, total: total / TICK };
}

/**
 * Other work on the machine skews every figure here. Waits (up to BENCH_QUIET_WAIT seconds,
 * default 300) until the machine was at most 0.15 cores busy over 3 s; returns the last reading.
 */
export async function waitForQuiet(label: string): Promise<number> {
  const limitS = Number(process.env.BENCH_QUIET_WAIT ?? 300);
  const t0 = performance.now();
  let warned = false;
  for (;;) {
    const a = machineCpu();
    await sleep(3_000);
    const b = machineCpu();
    const busy = (b.busy - a.busy) / 3;
    if (busy <= 0.15) return busy;
    if ((performance.now() - t0) / 1000 >= limitS) {
      console.warn(`  WARNING (${label}): machine still ${busy.toFixed(2)} cores busy with other work after ${limitS} s; figures will be low`);
      return busy;
    }
    if (!warned) console.log(`  (${label}: waiting for other work on the machine to finish: ${busy.toFixed(2)} cores busy)`);
    warned = true;
  }
}

/** Polls VmHWM of `pid` every `everyMs` until stopped; returns the last (= highest) reading in MB. */
export function watchPeakRss(pid: number, everyMs = 250): () => number | null {
  let peak: number | null = null;
  const read = () => {
    const m = memStatus(pid);
    if (m && Number.isFinite(m.hwmMb)) peak = Math.max(peak ?? 0, m.hwmMb);
  };
  const timer = setInterval(read, everyMs);
  timer.unref();
  return () => {
    read();
    clearInterval(timer);
    return peak;
  };
}
