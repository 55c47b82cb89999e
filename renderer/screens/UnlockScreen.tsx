// The encrypted store at start when this machine does not keep its key: the passphrase or the recovery key.
import { useState, type FormEvent } from 'react';
import type { SecurityStatus } from '../../shared/security.ts';
import { PassphraseField } from '../components/PassphraseField.tsx';
import { useClient } from '../context.tsx';
import { usePassphraseSubmit } from '../hooks/usePassphraseSubmit.ts';

export function UnlockScreen({ status, onUnlocked }: { status: SecurityStatus; onUnlocked(status: SecurityStatus): void }) {
  const client = useClient();
  const [secret, setSecret] = useState('');
  const { busy, error, run } = usePassphraseSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (secret) void run(async () => onUnlocked(await client.unlock({ secret })), { onRefused: () => setSecret('') });
  };

  return (
    <main className="screen unlock">
      <h1>Mở cơ sở dữ liệu đã mã hóa</h1>
      <p>Dữ liệu của Biên Bản trên máy này được mã hóa. Hãy nhập cụm mật khẩu, hoặc khóa khôi phục đã in khi thiết lập.</p>
      {status.storageNote ? <p className="muted">{status.storageNote}</p> : null}
      <form onSubmit={submit}>
        <PassphraseField label="Cụm mật khẩu hoặc khóa khôi phục" value={secret} onChange={setSecret} autoFocus error={error} />
        <p>
          <button type="submit" className="primary" disabled={busy || !secret}>
            {busy ? 'Đang mở…' : 'Mở khóa'}
          </button>
        </p>
      </form>
      <p className="muted">Không có cụm mật khẩu và cũng không có khóa khôi phục thì không ai, kể cả người làm ra Biên Bản, khôi phục được dữ liệu này.</p>
    </main>
  );
}
