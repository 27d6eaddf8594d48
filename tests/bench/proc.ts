import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * What a process costs, read from /proc so the measuring side adds nothing to the measured one.
 * Linux only: the benchmark is defined for it.
 */

let ticksPerSecond: number | null = null;

/** USER_HZ, the unit of utime/stime in /proc/<pid>/stat (100 almost everywhere; asked, not assumed). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === null) {
    const out = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    ticksPerSecond = Number.isFinite(out) && out > 0 ? out : 100;
  }
  return ticksPerSecond;
}

/** user + system CPU of the whole process (all threads, also the ones that have ended), µs; tick resolution. */
export function statCpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime is field 14 and stime field 15.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1_000_000) / clockTicksPerSecond();
}

/**
 * CPU time of the process's live threads from the scheduler, µs with ns resolution:
 * /proc/<pid>/task/<tid>/schedstat, first field. A stat tick is 10 ms, which is most of the
 * CPU a small phase costs, so phases are measured with this; a thread that ended inside the
 * phase would go uncounted, which `statCpuMicros` (also recorded) would show.
 */
export function schedCpuMicros(pid: number): number | null {
  try {
    let ns = 0;
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    return ns / 1000;
  } catch {
    return null;
  }
}

/** Resident set size, KiB (VmRSS of /proc/<pid>/status). */
export function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) : NaN;
}

export type CpuReading = { wallMs: number; statUs: number; schedUs: number | null };

export function readCpu(pid: number): CpuReading {
  return { wallMs: performance.now(), statUs: statCpuMicros(pid), schedUs: schedCpuMicros(pid) };
}

/** CPU used between two readings: scheduler time when both have it, else the tick count. */
export type CpuSpan = { wallMs: number; cpuUs: number; statUs: number; source: 'schedstat' | 'stat'; percent: number };

export function cpuBetween(a: CpuReading, b: CpuReading): CpuSpan {
  const wallMs = b.wallMs - a.wallMs;
  const statUs = b.statUs - a.statUs;
  const sched = a.schedUs !== null && b.schedUs !== null ? b.schedUs - a.schedUs : null;
  // Scheduler time misses threads that ended in between; never report less than the ticks saw
  // by more than one tick's worth.
  const useSched = sched !== null && sched >= statUs - 2 * (1_000_000 / clockTicksPerSecond());
  const cpuUs = useSched ? sched : statUs;
  return { wallMs, cpuUs, statUs, source: useSched ? 'schedstat' : 'stat', percent: wallMs > 0 ? (cpuUs / 1000 / wallMs) * 100 : 0 };
}

/** Samples a process's RSS every `everyMs` until stopped; keeps the peak and the last. */
export function sampleRss(pid: number, everyMs = 500) {
  let peakKb = 0;
  let lastKb = 0;
  const take = () => {
    try {
      lastKb = rssKb(pid);
      peakKb = Math.max(peakKb, lastKb);
    } catch {
      // the process is gone; the caller will notice
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { peakKb, lastKb };
    },
  };
}

/**
 * The whole machine's CPU time (all cores), µs, from /proc/stat: time in processes (user,
 * nice, system), in interrupt handlers (irq, softirq: loopback TCP is mostly here, charged to
 * no process), and stolen by the hypervisor (steal: we wanted to run and could not).
 */
export type MachineCpu = { processUs: number; irqUs: number; stealUs: number };

export function machineCpu(): MachineCpu {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
  const us = (ticks: number) => (ticks * 1_000_000) / clockTicksPerSecond();
  return { processUs: us(user! + nice! + system!), irqUs: us(irq! + softirq!), stealUs: us(steal ?? 0) };
}
