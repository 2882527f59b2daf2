/** Invite links stay valid this long unless the facilitator says otherwise. */
export const DEFAULT_INVITE_HOURS = 7 * 24;

export type InviteStatus = 'active' | 'expired' | 'revoked';

/** Whether an invite still opens its board at `now`. Revocation wins over expiry. */
export function inviteStatus(
	invite: { expiresAt: Date; revokedAt: Date | null },
	now: number
): InviteStatus {
	if (invite.revokedAt) return 'revoked';
	return now >= invite.expiresAt.getTime() ? 'expired' : 'active';
}

/** When an invite made at `now` for `hours` (default 7 days) stops working. */
export function inviteExpiry(now: number, hours: number = DEFAULT_INVITE_HOURS): Date {
	return new Date(now + hours * 60 * 60 * 1000);
}
