/** Zips a folder (files and subfolders, paths with forward slashes) in memory for one deploy. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

export async function zipFolder(folder: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const name = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(full, name);
      else if (entry.isFile() || (entry.isSymbolicLink() && statSync(full).isFile())) zip.file(name, readFileSync(full), { unixPermissions: 0o644 });
      else if (entry.isSymbolicLink() && statSync(full).isDirectory()) walk(full, name);
    }
  };
  walk(folder, '');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'UNIX' });
}
