import readline from 'node:readline';

/**
 * The CLI's passwords come from a prompt (a terminal, echo off) or from the first line of
 * stdin (a script: `printf '%s\n' "$PW" | pnpm cli user add …`), never from the command line,
 * where they would stay in shell history and show in every process list.
 */
export async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  process.stderr.write(prompt);
  // readline echoes what is typed through this hook; silencing it keeps the password off the screen.
  (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

/** Why `--password` is refused rather than unknown: the message says what to do instead. */
export const PASSWORD_ON_ARGV =
  '--password is not accepted: a password on the command line stays in shell history and process lists. ' +
  'Type it at the prompt, or give it as the first line of stdin.';
