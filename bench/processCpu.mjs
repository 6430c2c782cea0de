import fs from 'node:fs';

/**
 * CPU time the process has used so far (all its threads), in ms, from the schedstat file of each of its threads in /proc
 * (nanoseconds on CPU). Unlike the wall times, it hardly depends on what else the machine runs.
 */
export function cpuMs(pid) {
  try {
    let ns = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
      } catch { /* the thread ended */ }
    }
    return ns / 1e6;
  } catch {
    return undefined;
  }
}
