// Runs external commands (clasp, npm) for the deploy script; an injected runner lets tests assert the exact commands.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What one command produced: its exit code and, when it was captured, everything it printed. */
export interface CommandResult {
  code: number;
  output: string;
}

/**
 * Runs `command args` in `cwd`. `interactive: true` hands the terminal to the command (clasp's own prompts work, the
 * output is not captured); otherwise stdout and stderr are echoed and captured so the caller can read clasp's messages.
 */
export type CommandRunner = (
  command: string,
  args: string[],
  options: { cwd: string; interactive: boolean },
) => Promise<CommandResult>;

/** Resolves `clasp` to the project's pinned @google/clasp and `npm` to the npm on PATH (npm.cmd on Windows). */
function resolveCommand(command: string, args: string[], cwd: string): { file: string; argv: string[] } {
  if (command === 'clasp') {
    const entry = join(cwd, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js');
    if (existsSync(entry)) return { file: process.execPath, argv: [entry, ...args] };
    return { file: process.platform === 'win32' ? 'npx.cmd' : 'npx', argv: ['clasp', ...args] };
  }
  if (command === 'npm' && process.platform === 'win32') return { file: 'npm.cmd', argv: args };
  return { file: command, argv: args };
}

/** The real runner: spawns the process, streams what it prints, and resolves with its exit code. */
export const spawnRunner: CommandRunner = (command, args, options) =>
  new Promise((resolve) => {
    const { file, argv } = resolveCommand(command, args, options.cwd);
    const child = spawn(file, argv, {
      cwd: options.cwd,
      stdio: options.interactive ? 'inherit' : ['inherit', 'pipe', 'pipe'],
      // Windows runs npm.cmd only through a shell; clasp runs through node directly, so its arguments stay unquoted.
      shell: file.endsWith('.cmd'),
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 127, output: `${output}${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
