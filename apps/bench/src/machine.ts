/** A one-line description of the machine, printed with every benchmark run. */
import os from 'node:os';

/** CPU model, core count, memory and Node.js version. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node.js ${process.version}`;
}
