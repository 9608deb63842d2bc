/**
 * Host-key and secret prompts for the deploy engine, in VS Code's UI.
 * Secrets go to SecretStorage only when the user says so; never to settings, logs or disk.
 */
import * as vscode from 'vscode';
import type { HostKeyVerdict } from '../../../server/src/deploy/hostKeys';
import type { SecretRequest } from '../../../server/src/deploy/ssh';

const secretKey = (req: SecretRequest) =>
  req.kind === 'passphrase' ? `keepalived.deploy.passphrase:${req.keyFile}` : `keepalived.deploy.password:${req.host}`;

export async function confirmHostKey(host: string, verdict: HostKeyVerdict): Promise<boolean> {
  const trust = 'Trust and Connect';
  const answer = await vscode.window.showWarningMessage(
    `The host key of ${host} is not known.`,
    {
      modal: true,
      detail: `${verdict.keyType} key fingerprint:\n${verdict.fingerprint}\n\nCompare it with \`ssh-keygen -lf\` on the host before trusting it. It will be added to known_hosts.`,
    },
    trust,
  );
  return answer === trust;
}

/** Asks for a passphrase or password; a stored one is used first, and dropped if the connection rejects it. */
export async function askSecret(secrets: vscode.SecretStorage, req: SecretRequest): Promise<string | undefined> {
  const stored = await secrets.get(secretKey(req));
  if (stored !== undefined) return stored;
  const value = await vscode.window.showInputBox({
    title: req.kind === 'passphrase' ? `Passphrase for ${req.keyFile}` : `SSH password for ${req.host}`,
    prompt: req.kind === 'passphrase' ? 'Unlocks the identity file for this deploy.' : 'Used for this connection only.',
    password: true,
    ignoreFocusOut: true,
  });
  if (value === undefined) return undefined;
  const keep = 'Remember in Secret Storage';
  const choice = await vscode.window.showInformationMessage(
    `Remember this ${req.kind} for ${req.kind === 'passphrase' ? req.keyFile : req.host}?`,
    keep,
    'Only This Time',
  );
  if (choice === keep) await secrets.store(secretKey(req), value);
  return value;
}

/** After a failed login, forget what was remembered for these hosts so the next deploy asks again. */
export async function forgetSecrets(secrets: vscode.SecretStorage, requests: SecretRequest[]): Promise<void> {
  for (const r of requests) await secrets.delete(secretKey(r));
}
