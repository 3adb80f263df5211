import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throw-away private CA with a server certificate for 127.0.0.1/localhost and a client certificate. */
export interface TestPki {
  readonly caCert: string;
  readonly serverCert: string;
  readonly serverKey: string;
  readonly clientCert: string;
  readonly clientKey: string;
  /** The client key encrypted with {@link passphrase}. */
  readonly clientKeyEncrypted: string;
  /** Client certificate and key as PKCS#12, base64, encrypted with {@link passphrase}. */
  readonly clientPfx: string;
  readonly passphrase: string;
  /** A second CA's client certificate and key: one the server does not trust. */
  readonly strangerCert: string;
  readonly strangerKey: string;
}

/**
 * Makes a test-only PKI with `openssl` in a temporary folder, removed before returning: nothing is written to
 * the repository and every key is new per run.
 */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(path.join(tmpdir(), 'iflow-pki-'));
  const at = (name: string): string => path.join(dir, name);
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'pipe' });
  const read = (name: string): string => readFileSync(at(name), 'utf8');
  const passphrase = 'test-only-passphrase-7d1';
  try {
    const makeCa = (name: string): void =>
      ssl(
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        `/CN=${name}`,
        '-keyout',
        at(`${name}.key`),
        '-out',
        at(`${name}.crt`)
      );
    const issue = (name: string, caName: string, extensions: string): void => {
      ssl(
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-subj',
        `/CN=${name}`,
        '-keyout',
        at(`${name}.key`),
        '-out',
        at(`${name}.csr`)
      );
      writeFileSync(at(`${name}.ext`), extensions);
      ssl(
        'x509',
        '-req',
        '-in',
        at(`${name}.csr`),
        '-CA',
        at(`${caName}.crt`),
        '-CAkey',
        at(`${caName}.key`),
        '-CAcreateserial',
        '-days',
        '2',
        '-extfile',
        at(`${name}.ext`),
        '-out',
        at(`${name}.crt`)
      );
    };
    makeCa('test-ca');
    makeCa('stranger-ca');
    issue('server', 'test-ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    issue('client', 'test-ca', 'extendedKeyUsage=clientAuth\n');
    issue('stranger', 'stranger-ca', 'extendedKeyUsage=clientAuth\n');
    ssl('pkey', '-in', at('client.key'), '-aes256', '-passout', `pass:${passphrase}`, '-out', at('client.enc.key'));
    ssl(
      'pkcs12',
      '-export',
      '-in',
      at('client.crt'),
      '-inkey',
      at('client.key'),
      '-passout',
      `pass:${passphrase}`,
      '-out',
      at('client.p12')
    );
    return {
      caCert: read('test-ca.crt'),
      serverCert: read('server.crt'),
      serverKey: read('server.key'),
      clientCert: read('client.crt'),
      clientKey: read('client.key'),
      clientKeyEncrypted: read('client.enc.key'),
      clientPfx: readFileSync(at('client.p12')).toString('base64'),
      passphrase,
      strangerCert: read('stranger.crt'),
      strangerKey: read('stranger.key')
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
