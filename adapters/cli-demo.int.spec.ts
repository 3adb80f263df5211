import { runCli } from '../src/cli/run-cli';
import { demoSteps, sampleEnvelope, servePrompt } from './demo-steps';
import { allConnectors } from './index';

// `iflow demo` and `iflow demo --serve` against the real embedded CAP service, in-process.
function cliWith(signal?: AbortSignal) {
  let out = '';
  let err = '';
  const run = (argv: string[]) =>
    runCli(argv, {
      connectors: allConnectors,
      demoSteps,
      version: 'spec',
      sample: sampleEnvelope,
      servePrompt,
      io: {
        stdout: t => void (out += t),
        stderr: t => void (err += t),
        readStdin: async () => '',
        ...(signal === undefined ? {} : { signal })
      }
    });
  return { run, out: () => out, err: () => err };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 60_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

describe('iflow demo', () => {
  it('runs every sample envelope against the embedded service and stops it', async () => {
    const cli = cliWith();
    expect(await cli.run(['demo'])).toBe(0);
    expect(cli.err()).toContain(`${demoSteps().length} of ${demoSteps().length} samples succeeded.`);
  }, 120_000);

  it('--serve keeps the service up, prints its URLs and commands that work, and stops on Ctrl-C', async () => {
    const stop = new AbortController();
    const server = cliWith(stop.signal);
    const serving = server.run(['demo', '--serve']);
    await until(() => server.out().includes('Ctrl-C stops it.'), 'the demo service');
    const v4 = /running: (\S+) \(OData V4\)/.exec(server.out())?.[1] ?? '';
    expect(server.out()).toContain(
      `npx iflow invoke odata-v4 ReadEntitySet --service-url ${v4} --param entitySet=Products`
    );
    const client = cliWith();
    const code = await client.run([
      'invoke',
      'odata-v4',
      'ReadEntitySet',
      '--service-url',
      v4,
      '--param',
      'entitySet=Products'
    ]);
    expect(code).toBe(0);
    expect(client.out()).toContain('<Array name="value">');
    stop.abort();
    expect(await serving).toBe(0);
    expect(server.err()).toContain('Demo service stopped.');
  }, 120_000);
});
