import { beforeEach, describe, expect, it } from 'vitest';
import { installationId, resetInstallationId } from './installation-id';

describe('installation id', () => {
  beforeEach(() => localStorage.clear());

  it('is made once as 24 base64url characters and then kept', () => {
    const id = installationId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(installationId()).toBe(id);
    expect(localStorage.getItem('park.installation')).toBe(id);
  });

  it('differs between installs', () => {
    expect(resetInstallationId()).not.toBe(resetInstallationId());
  });

  it('replaces a stored value the server would refuse', () => {
    // 22 characters would be read back as a compacted UUID by the pass token format.
    localStorage.setItem('park.installation', 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(installationId()).toHaveLength(24);
  });
});
