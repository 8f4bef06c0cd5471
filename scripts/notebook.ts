/**
 * `npm run notebook` — work on the notebooks cell by cell in the browser:
 *
 *   npm run notebook [-- --port 8888] [--classic]
 *
 * Builds lib/ into dist/ (the notebooks import it from there), keeps it rebuilt while it runs
 * (`tsc --watch`: an edit to lib reaches a notebook after a kernel restart), and starts
 * JupyterLab where it is installed, else Jupyter Notebook (`npm run setup` installs it), on
 * 127.0.0.1 with a random token, in notebooks/. Prints the URL to open. Ctrl-C stops Jupyter
 * (which shuts its kernels down) and the watcher, and leaves no process behind.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as crypto from 'crypto';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { parseArgs } from '../lib/cli/args';
import { repoRoot } from '../lib/common/data-dir';

const root = repoRoot();
const say = (msg: string) => console.log(`notebook: ${msg}`);

function fail(msg: string): never {
  console.error(`notebook: ${msg}`);
  process.exit(1);
}

/** The first Python that imports `module` (Debian's first: pyenv shims may lack its packages). */
function pythonWith(module: string): string | undefined {
  for (const py of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(py, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0) return py;
  }
  return undefined;
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function choosePort(asked?: number): Promise<number> {
  if (asked !== undefined) {
    if (!(await portFree(asked))) fail(`port ${asked} on 127.0.0.1 is in use; pick another with --port`);
    return asked;
  }
  for (let p = 8888; p < 8988; p++) if (await portFree(p)) return p;
  fail('no free port in 8888–8987; pick one with --port');
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

// Children run in their own process groups, so the terminal's Ctrl-C reaches only this script
// (Jupyter would otherwise stop to ask "Shutdown this notebook server (y/[n])?"), which then
// stops each group in order.
function stopGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), { values: ['port'], booleans: ['classic'], command: 'notebook' });
  } catch (e) {
    fail((e as Error).message);
  }
  const askedPort = args.flags.port === undefined ? undefined : Number(args.flags.port);
  if (askedPort !== undefined && !(Number.isInteger(askedPort) && askedPort > 0 && askedPort < 65536))
    fail(`--port ${args.flags.port}: expected a port number`);

  const lab = args.flags.classic ? undefined : pythonWith('jupyterlab');
  const classic = lab ? undefined : pythonWith('notebook');
  const python = lab ?? classic;
  if (!python)
    fail(
      'neither JupyterLab nor Jupyter Notebook is installed: run `npm run setup` (as root on Debian it installs ' +
        'jupyter-notebook; elsewhere: python3 -m pip install --user notebook)',
    );
  if (spawnSync(process.execPath, [path.join(root, 'scripts', 'setup.js'), '--quiet'], { stdio: 'inherit' }).status)
    fail('`npm run setup` failed (the tslab kernel must be registered)');

  const tscBin = require.resolve('typescript/bin/tsc');
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping Jupyter (and its kernels) and the lib watcher ...');
    for (const c of children) stopGroup(c, 'SIGTERM');
    for (const c of children) {
      if (!(await exited(c, 10000))) stopGroup(c, 'SIGKILL');
      // Anything left in the group (a helper the child started) goes too.
      stopGroup(c, 'SIGKILL');
    }
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));

  // One compiler does the first build and then watches: Jupyter starts once dist/ is built.
  const t0 = Date.now();
  const watch = spawn(process.execPath, [tscBin, '-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(watch);
  let builds = 0;
  let firstBuild: (errors: number) => void = () => {};
  const built = new Promise<number>((resolve) => (firstBuild = resolve));
  // tsc --watch reports every rebuild; pass on only what a person needs (errors, "rebuilt").
  watch.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (/error TS/.test(line)) console.log(`tsc: ${line.trim()}`);
      const found = /Found (\d+) errors?/.exec(line);
      if (!found) continue;
      if (builds++ === 0) firstBuild(Number(found[1]));
      else say(Number(found[1]) ? `lib rebuilt with ${found[1]} error(s)` : 'lib rebuilt into dist/');
    }
  });
  watch.on('exit', () => firstBuild(-1));
  const errors = await built;
  if (errors !== 0) {
    console.error(errors < 0 ? 'notebook: tsc --watch stopped' : 'notebook: lib does not compile (errors above)');
    return stop(1);
  }
  say(`lib built into dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s; watching lib/ for changes`);

  const port = await choosePort(askedPort);
  const token = crypto.randomBytes(24).toString('hex');
  const notebooksDir = path.join(root, 'notebooks');
  // Containers and CI machines often run as root, where Jupyter refuses to start without this.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const jupyterArgs = lab
    ? [
        '-m',
        'jupyter',
        'lab',
        '--ServerApp.ip=127.0.0.1',
        `--ServerApp.port=${port}`,
        '--ServerApp.port_retries=0',
        `--ServerApp.token=${token}`,
        '--ServerApp.open_browser=False',
        `--ServerApp.root_dir=${notebooksDir}`,
        ...(asRoot ? ['--ServerApp.allow_root=True'] : []),
      ]
    : [
        '-m',
        'notebook',
        '--ip=127.0.0.1',
        `--port=${port}`,
        '--port-retries=0',
        `--NotebookApp.token=${token}`,
        '--no-browser',
        `--notebook-dir=${notebooksDir}`,
        ...(asRoot ? ['--allow-root'] : []),
      ];
  const jupyter = spawn(python, ['-Xfrozen_modules=off', ...jupyterArgs], {
    cwd: notebooksDir,
    detached: true,
    stdio: ['ignore', 'inherit', 'pipe'],
    env: {
      ...process.env,
      PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
      PYDEVD_DISABLE_FILE_VALIDATION: '1',
    },
  });
  children.push(jupyter);
  // Jupyter logs to stderr; keep warnings and errors, drop the routine lines and its own URL
  // banner (ours follows).
  jupyter.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (/^\[[WEC] |Traceback|Error/.test(line) && !/frozen modules|PYDEVD|Debugger/.test(line)) console.error(line);
    }
  });
  jupyter.on('exit', (code) => {
    if (!stopping) {
      console.error(`notebook: Jupyter exited (code ${code})`);
      void stop(code || 1);
    }
  });

  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (!(await answers(`${base}/api/status?token=${token}`))) {
    if (stopping) return;
    if (Date.now() - started > 120000) {
      console.error('notebook: Jupyter did not answer within 2 minutes');
      return stop(1);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  const url = `${base}/${lab ? 'lab' : 'tree'}?token=${token}`;
  say(`${lab ? 'JupyterLab' : 'Jupyter Notebook'} is running in notebooks/ with the tslab (TypeScript) kernel`);
  say(`open ${url}`);
  say('Ctrl-C stops it. After editing lib/, restart the kernel to load the rebuilt dist/.');
}

void main();
