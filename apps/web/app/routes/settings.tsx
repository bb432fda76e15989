import { DeleteAccountSection } from '../features/account/DeleteAccountSection.tsx';
import { IdentitySection } from '../features/account/IdentitySection.tsx';
import { PasswordSection } from '../features/account/PasswordSection.tsx';
import { RecoveryKeySection } from '../features/account/RecoveryKeySection.tsx';
import { SessionsSection } from '../features/account/SessionsSection.tsx';

export function meta() {
  return [{ title: 'Settings — Coffre' }];
}

export default function Settings() {
  return (
    <div className="settings">
      <h1>Settings</h1>
      <IdentitySection />
      <PasswordSection />
      <RecoveryKeySection />
      <SessionsSection />
      <DeleteAccountSection />
    </div>
  );
}
