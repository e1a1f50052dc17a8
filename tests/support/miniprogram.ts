import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BookingFlow, PhoneReport } from './miniprogram-phone';

const MINIPROGRAM = fileURLToPath(new URL('../../miniprogram', import.meta.url));
const PHONE = fileURLToPath(new URL('./miniprogram-phone.ts', import.meta.url));

/** Compiles the mini-program's TypeScript beside its sources, as WeChat's tooling would. */
export function buildMiniprogram(): void {
  const tsc = createRequire(`${MINIPROGRAM}/package.json`).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: MINIPROGRAM, stdio: 'inherit' });
}

export interface Phone {
  /** The next report of this step (earlier ones of other steps are skipped), or the failure. */
  next(step: PhoneReport['step'], timeoutMs?: number): Promise<PhoneReport>;
  close(): Promise<void>;
}

/**
 * Starts a visitor's phone (see miniprogram-phone.ts) running the booking flow: log in through
 * WeChat, book on the booking page, stay on the visit page it lands on.
 */
export function visitorPhone(flow: BookingFlow): Phone {
  const child = spawn(process.execPath, ['--import', 'tsx', PHONE], {
    cwd: MINIPROGRAM,
    env: { ...process.env, MP_FLOW: JSON.stringify(flow) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const reports: PhoneReport[] = [];
  let wake: (() => void) | null = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      reports.push(JSON.parse(line) as PhoneReport);
    } catch {
      return; // a page's console.log, not a report
    }
    wake?.();
  });
  void exited.then(() => wake?.());
  return {
    async next(step, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const i = reports.findIndex((r) => r.step === step || r.step === 'failed');
        if (i >= 0) {
          const [r] = reports.splice(0, i + 1).slice(-1);
          if (r!.step === 'failed') throw new Error(`the phone failed: ${r!.error} (toasts: ${r!.toasts})`);
          return r!;
        }
        if (child.exitCode !== null) throw new Error(`the phone exited (${child.exitCode}) before "${step}"`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`the phone did not report "${step}" within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    async close() {
      if (child.exitCode !== null) return;
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
