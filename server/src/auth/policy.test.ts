import { boardRoles } from '@debrief/db';
import type { BoardRole } from '@debrief/db';
import { describe, expect, it } from 'vitest';
import {
	Action,
	can,
	decideBoardAccess,
	decideRemoval,
	planRoleChange,
	roleAfterJoining
} from './policy.ts';

describe('can', () => {
	const table: Array<[BoardRole | null, Action[]]> = [
		[null, []],
		['observer', ['read']],
		['participant', ['read', 'write']],
		['cofacilitator', ['read', 'write', 'manage-invites', 'manage-members', 'facilitate']],
		['facilitator', ['read', 'write', 'manage-invites', 'manage-members', 'facilitate']]
	];
	it.each(table)('lets %s do exactly %j', (role, allowed) => {
		for (const action of Object.values(Action)) {
			expect(can(role, action), `${role} ${action}`).toBe(allowed.includes(action));
		}
	});
});

describe('decideBoardAccess', () => {
	it('checks the session before anything about the board', () => {
		expect(decideBoardAccess({ signedIn: false, boardExists: false, role: null }, 'read')).toEqual({
			ok: false,
			reason: 'signed-out'
		});
	});
	it('tells an unknown board from a board the caller is not a member of', () => {
		expect(decideBoardAccess({ signedIn: true, boardExists: false, role: null }, 'read')).toEqual({
			ok: false,
			reason: 'no-board'
		});
		expect(decideBoardAccess({ signedIn: true, boardExists: true, role: null }, 'read')).toEqual({
			ok: false,
			reason: 'not-member'
		});
	});
	it('refuses a member whose role is too low, and lets the others through with their role', () => {
		const observer = { signedIn: true, boardExists: true, role: 'observer' as const };
		expect(decideBoardAccess(observer, 'write')).toEqual({ ok: false, reason: 'role-too-low' });
		expect(decideBoardAccess(observer, 'read')).toEqual({ ok: true, role: 'observer' });
	});
});

describe('roleAfterJoining', () => {
	it('gives a newcomer the invited role', () => {
		expect(roleAfterJoining(null, 'observer')).toBe('observer');
	});
	it('keeps a higher role and raises a lower one', () => {
		expect(roleAfterJoining('cofacilitator', 'participant')).toBe('cofacilitator');
		expect(roleAfterJoining('facilitator', 'observer')).toBe('facilitator');
		expect(roleAfterJoining('observer', 'participant')).toBe('participant');
	});
});

describe('planRoleChange', () => {
	const fac = { userId: 'f', role: 'facilitator' as const };
	const cofac = { userId: 'c', role: 'cofacilitator' as const };
	const part = { userId: 'p', role: 'participant' as const };
	const obs = { userId: 'o', role: 'observer' as const };

	it('hands off: the new facilitator in, the giver becomes cofacilitator', () => {
		expect(planRoleChange(fac, part, 'facilitator')).toEqual({
			ok: true,
			changes: [
				{ userId: 'p', role: 'facilitator' },
				{ userId: 'f', role: 'cofacilitator' }
			]
		});
	});
	it('lets only the facilitator hand off', () => {
		expect(planRoleChange(cofac, part, 'facilitator')).toEqual({
			ok: false,
			reason: 'role-too-low'
		});
	});
	it('never demotes the facilitator, not even by themselves', () => {
		for (const next of boardRoles.filter((role) => role !== 'facilitator')) {
			expect(planRoleChange(cofac, fac, next)).toMatchObject({ reason: 'facilitator-fixed' });
			expect(planRoleChange(fac, fac, next)).toMatchObject({ reason: 'facilitator-fixed' });
		}
	});
	it('lets facilitators and cofacilitators change other roles', () => {
		expect(planRoleChange(cofac, part, 'observer')).toEqual({
			ok: true,
			changes: [{ userId: 'p', role: 'observer' }]
		});
		expect(planRoleChange(fac, obs, 'cofacilitator')).toEqual({
			ok: true,
			changes: [{ userId: 'o', role: 'cofacilitator' }]
		});
	});
	it('refuses participants and observers', () => {
		expect(planRoleChange(part, obs, 'participant')).toMatchObject({ reason: 'role-too-low' });
		expect(planRoleChange(obs, part, 'observer')).toMatchObject({ reason: 'role-too-low' });
	});
	it('tells managers, and only them, that the target is not a member', () => {
		expect(planRoleChange(cofac, null, 'observer')).toMatchObject({ reason: 'no-such-member' });
		expect(planRoleChange(part, null, 'observer')).toMatchObject({ reason: 'role-too-low' });
	});
	it('plans nothing for an unchanged role', () => {
		expect(planRoleChange(fac, part, 'participant')).toEqual({ ok: true, changes: [] });
	});
});

describe('decideRemoval', () => {
	const fac = { userId: 'f', role: 'facilitator' as const };
	const cofac = { userId: 'c', role: 'cofacilitator' as const };
	const part = { userId: 'p', role: 'participant' as const };
	it('lets facilitators and cofacilitators remove others', () => {
		expect(decideRemoval(fac, part)).toEqual({ ok: true });
		expect(decideRemoval(cofac, part)).toEqual({ ok: true });
	});
	it('lets anyone but the facilitator leave', () => {
		expect(decideRemoval(part, part)).toEqual({ ok: true });
		expect(decideRemoval(fac, fac)).toEqual({ ok: false, reason: 'facilitator-fixed' });
	});
	it('never removes the facilitator, and refuses participants removing others', () => {
		expect(decideRemoval(cofac, fac)).toEqual({ ok: false, reason: 'facilitator-fixed' });
		expect(decideRemoval(part, cofac)).toEqual({ ok: false, reason: 'role-too-low' });
	});
	it('tells managers, and only them, that the target is not a member', () => {
		expect(decideRemoval(fac, null)).toEqual({ ok: false, reason: 'no-such-member' });
		expect(decideRemoval(part, null)).toEqual({ ok: false, reason: 'role-too-low' });
	});
});
