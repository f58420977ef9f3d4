import { X509Certificate } from 'node:crypto';
import { WorkbenchInputError } from './errors';
import { PEM_FILE_LIMIT, readUserFile } from './safe-file';

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Reads a PEM file of extra CA certificates and checks every certificate in it, so a wrong file
 * is reported when it is chosen, not as a TLS failure on some later call. Only a regular file of
 * at most 1 MB is read (safe-file.ts), asynchronously.
 */
export async function loadCaFile(file: string, field = 'network.caFile'): Promise<string> {
  const bytes = await readUserFile(file, {
    field,
    label: 'CA certificates file',
    maxBytes: PEM_FILE_LIMIT,
  });
  return parseCaPem(bytes.toString('utf8'), file, field);
}

/** The certificates of a PEM text, each checked to be a CA certificate. */
export function parseCaPem(text: string, file: string, field = 'network.caFile'): string {
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
