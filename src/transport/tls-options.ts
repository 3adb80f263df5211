import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { ConnectorError } from '../errors/connector-error';
import type { HttpConnection } from './transport';

/** The TLS part of an https agent's options for a connection. */
export type TlsOptions = Pick<tls.SecureContextOptions, 'ca' | 'cert' | 'key' | 'pfx' | 'passphrase'> & {
  readonly rejectUnauthorized: boolean;
};

/**
 * The TLS options of a connection, each checked by building a secure context from it, so an unreadable PEM,
 * a wrong passphrase or a key that is not the certificate's fails before anything is sent, naming the
 * parameter (OpenSSL's reason never quotes the input). `ca` extends the default CA list rather than replacing
 * it, as NODE_EXTRA_CA_CERTS does.
 */
export function tlsOptionsOf(connection: HttpConnection | undefined): TlsOptions {
  const { ca, cert, key, pfx, passphrase, trustAll } = connection ?? {};
  const options = {
    rejectUnauthorized: trustAll !== true,
    ...(ca === undefined ? {} : { ca: [...tls.rootCertificates, ca] }),
    ...(cert === undefined ? {} : { cert }),
    ...(key === undefined ? {} : { key }),
    ...(pfx === undefined ? {} : { pfx: Buffer.from(pfx, 'base64') }),
    ...(passphrase === undefined ? {} : { passphrase })
  };
  const pass = passphrase === undefined ? {} : { passphrase };
  if (ca !== undefined) checkCa(ca);
  check('cert', cert, () => ({ cert }), 'give the PEM text of the client certificate, -----BEGIN CERTIFICATE----- …');
  check('key', key, () => ({ key, ...pass }), 'give the PEM text of the private key (and its passphrase)');
  check('pfx', pfx, () => ({ pfx: options.pfx, ...pass }), 'give a PKCS#12 bundle in base64 (and its passphrase)');
  if ((cert === undefined) !== (key === undefined)) {
    const missing = cert === undefined ? 'cert' : 'key';
    throw new ConnectorError(
      'PARAMETER_MISSING',
      `A client certificate needs both "cert" and "key"; "${missing}" is missing`,
      {
        target: missing
      }
    );
  }
  check('key', key, () => ({ cert, key, ...pass }), 'it is not the private key of the certificate in "cert"');
  return options;
}

function check(name: string, value: unknown, context: () => tls.SecureContextOptions, advice: string): void {
  if (value === undefined) return;
  try {
    tls.createSecureContext(context());
  } catch (error) {
    const reason = String((error as { reason?: unknown }).reason ?? (error as Error).message);
    const decrypt = /bad decrypt|mac verify/i.test(reason);
    throw invalid(name, reason, decrypt ? 'check "passphrase"' : advice, error);
  }
}

// A CA list that holds no certificate is ignored by OpenSSL without a word: each block is parsed here.
function checkCa(ca: string): void {
  const blocks = ca.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g) ?? [];
  const advice = 'give the PEM text of the CA certificate(s), -----BEGIN CERTIFICATE----- …';
  if (blocks.length === 0) throw invalid('ca', 'no PEM certificate in it', advice);
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch (error) {
      throw invalid('ca', String((error as Error).message), advice, error);
    }
  }
}

function invalid(name: string, reason: string, advice: string, cause?: unknown): ConnectorError {
  return new ConnectorError(
    'PARAMETER_INVALID',
    `Parameter "${name}" cannot be used (${reason}): ${advice}`,
    { target: name },
    { cause }
  );
}
