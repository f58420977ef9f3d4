import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { WorkbenchInputError } from './errors';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Reads a PEM file of extra CA certificates and checks every certificate in it, so a wrong file
 * is reported when it is chosen, not as a TLS failure on some later call.
 */
export function loadCaFile(file: string, field = 'network.caFile'): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'no permission to read it'
          : (code ?? 'unreadable');
    throw new WorkbenchInputError(`CA certificates file ${file}: ${why}`, field);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) {
    throw new WorkbenchInputError(
      `CA certificates file ${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
      field,
    );
  }
  blocks.forEach((block, i) => {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(block);
    } catch {
      throw new WorkbenchInputError(
        `CA certificates file ${file}: certificate ${i + 1} of ${blocks.length} is not a valid certificate`,
        field,
      );
    }
    if (!cert.ca) {
      throw new WorkbenchInputError(
        `CA certificates file ${file}: certificate ${i + 1} (${cert.subject.replace(/\n/g, ', ')}) is not a CA certificate`,
        field,
      );
    }
  });
  return blocks.join('\n');
}
