// Certificates for the TLS faults, made with openssl at test time (nothing secret is checked in):
// a test CA, a certificate it signed that expired in 2020, one it signed for another name, and a
// self-signed one for 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface FaultCertificates {
  /** The test CA's PEM file: added through Settings > CA file, so only the fault itself fails. */
  caFile: string;
  selfSigned: { key: Buffer; cert: Buffer };
  expired: { key: Buffer; cert: Buffer };
  wrongName: { key: Buffer; cert: Buffer };
}

export function makeFaultCertificates(dir: string): FaultCertificates {
  const ssl = (...args: string[]) =>
    execFileSync('/usr/bin/openssl', args, { cwd: dir, stdio: 'pipe' });
  const key = (name: string) => ['-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`];
  ssl(
    'req',
    '-x509',
    ...key('ca'),
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=Fault Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  ssl(
    'req',
    '-x509',
    ...key('self'),
    '-out',
    'self.pem',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  );
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca=fault_ca',
      '[fault_ca]',
      'database=index.txt',
      'new_certs_dir=.',
      'serial=serial',
      'default_md=sha256',
      'policy=any',
      'unique_subject=no',
      '[any]',
      'commonName=supplied',
      '',
    ].join('\n'),
  );
  const signed = (name: string, san: string, dates: string[]) => {
    ssl('req', ...key(name), '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(
      path.join(dir, `${name}.ext`),
      `subjectAltName=${san}\nbasicConstraints=CA:FALSE\n`,
    );
    ssl(
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.pem`,
      '-extfile',
      `${name}.ext`,
      ...dates,
    );
  };
  signed('expired', 'IP:127.0.0.1', [
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200102000000Z',
  ]);
  signed('wrongname', 'DNS:other.example', ['-days', '2']);
  const pair = (name: string) => ({
    key: readFileSync(path.join(dir, `${name}.key`)),
    cert: readFileSync(path.join(dir, `${name}.pem`)),
  });
  return {
    caFile: path.join(dir, 'ca.pem'),
    selfSigned: pair('self'),
    expired: pair('expired'),
    wrongName: pair('wrongname'),
  };
}
